package org.onegrid.registry.web;

import java.util.List;
import org.onegrid.registry.HouseholdView;
import org.onegrid.registry.Registry;
import org.onegrid.registry.RegistryLists;
import org.onegrid.registry.RegistryLists.Area;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The grid worker's phone: 我的网格住户, the households of their own grids (names masked) with the counts per tag,
 * and the household card they take to the door.
 */
@Controller
@PreAuthorize("hasRole('GRID_WORKER')")
class PhoneHouseholdPages {

    private static final int PAGE_SIZE = 30;

    private final Registry registry;
    private final RegistryLists lists;

    PhoneHouseholdPages(Registry registry, RegistryLists lists) {
        this.registry = registry;
        this.lists = lists;
    }

    @GetMapping("/m/households")
    String households(
            @RequestParam(required = false) String grid,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        String gridCode = grid == null || grid.isBlank() || !me.grids().contains(grid.strip()) ? null : grid.strip();
        Area area = new Area(gridCode, null);
        PersonTag t = Params.parse(PersonTag.class, "tag", tag);
        int p = Math.max(0, Params.number("page", page, 1) - 1);
        model.addAttribute("me", me);
        model.addAttribute("grid", gridCode);
        model.addAttribute("tag", t);
        model.addAttribute("myGrids", List.copyOf(me.grids()));
        model.addAttribute("counts", lists.counts(area, me));
        model.addAttribute("households", lists.households(area, t, p, PAGE_SIZE, me));
        model.addAttribute("personTags", PersonTag.values());
        return "registry/phone-households";
    }

    @GetMapping("/m/households/{id}")
    String household(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        HouseholdView h =
                registry.household(id, me).orElseThrow(() -> Problems.notFound("household", String.valueOf(id)));
        model.addAttribute("me", me);
        model.addAttribute("household", h);
        model.addAttribute("summary", lists.householdSummary(id, me).orElseThrow());
        model.addAttribute("address", lists.address(h.addressId(), me).orElse(null));
        model.addAttribute(
                "members",
                h.members().stream()
                        .map(m -> new RegistryPages.Member(
                                m, registry.person(m.personId(), me).orElse(null)))
                        .toList());
        model.addAttribute("history", registry.householdHistory(id, me));
        return "registry/phone-household";
    }
}
