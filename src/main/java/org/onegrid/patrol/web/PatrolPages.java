package org.onegrid.patrol.web;

import java.util.UUID;
import org.onegrid.patrol.PatrolView;
import org.onegrid.patrol.Patrols;
import org.onegrid.region.Grids;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 巡查 on the phone: start a patrol of one of the worker's grids, the positions recorded by the browser (kept on the
 * phone while offline, sent when back), stop; and a patrol's track on the map for the worker and their centres.
 */
@Controller
class PatrolPages {

    private final Patrols patrols;
    private final Grids grids;

    PatrolPages(Patrols patrols, Grids grids) {
        this.patrols = patrols;
        this.grids = grids;
    }

    @GetMapping("/m/patrol")
    @PreAuthorize("hasRole('GRID_WORKER')")
    String phone(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("running", patrols.running(me).orElse(null));
        model.addAttribute("mine", patrols.mine(me));
        java.util.List<org.onegrid.region.GridView> own = me.grids().stream()
                .map(g -> grids.find(g).orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        model.addAttribute("grids", own);
        model.addAttribute(
                "gridNames",
                own.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                org.onegrid.region.GridView::code, org.onegrid.region.GridView::name)));
        return "mobile/patrol";
    }

    @PostMapping("/m/patrol")
    @PreAuthorize("hasRole('GRID_WORKER')")
    String start(@RequestParam String grid, @AuthenticationPrincipal StaffPrincipal me) {
        patrols.start(grid, me);
        return "redirect:/m/patrol";
    }

    @PostMapping("/m/patrol/{id}/stop")
    @PreAuthorize("hasRole('GRID_WORKER')")
    String stop(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        PatrolView v = patrols.stop(id, java.util.List.of(), me);
        return "redirect:/patrol/tracks/" + v.id();
    }

    @GetMapping("/patrol/tracks/{id}")
    @PreAuthorize("hasAnyRole('GRID_WORKER','CENTRE_DISPATCHER','LEADER','ADMIN')")
    String track(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        PatrolView v = patrols.find(id, me).orElseThrow(() -> Problems.notFound("patrol", String.valueOf(id)));
        model.addAttribute("me", me);
        model.addAttribute("p", v);
        model.addAttribute(
                "gridName", grids.find(v.gridCode()).map(g -> g.name()).orElse(v.gridCode()));
        // "lng,lat;lng,lat;…" for the page's script: the track, and the grid's outline under it
        model.addAttribute(
                "trackText",
                v.track().stream().map(c -> c[0] + "," + c[1]).collect(java.util.stream.Collectors.joining(";")));
        model.addAttribute(
                "outlineText",
                grids.geometry(v.gridCode())
                        .map(g -> java.util.Arrays.stream(g.getCoordinates())
                                .map(c -> c.x + "," + c.y)
                                .collect(java.util.stream.Collectors.joining(";")))
                        .orElse(""));
        return "patrol/track";
    }
}
