package org.onegrid.staff.web;

import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} sends each user to the home of their role; {@code /home} says who they are. */
@Controller
@EnableConfigurationProperties(HomePages.class)
class HomePage {

    private final HomePages homes;
    private final Staff staff;
    private final Regions regions;

    HomePage(HomePages homes, Staff staff, Regions regions) {
        this.homes = homes;
        this.staff = staff;
        this.regions = regions;
    }

    @GetMapping("/")
    String root(@AuthenticationPrincipal StaffPrincipal me) {
        return "redirect:" + homes.of(me);
    }

    @GetMapping("/home")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("grids", staff.gridsOf(me.userId()));
        model.addAttribute(
                "scopeName",
                regions.lineage(me.regionCode()).stream()
                        .map(RegionView::name)
                        .reduce((a, b) -> a + " / " + b)
                        .orElse(null));
        return "staff/home";
    }
}
