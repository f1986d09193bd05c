package org.onegrid.region.web;

import java.util.List;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region map: the city's county boundaries and grids, drawn from the city's own data so it works without
 * any tile server; tile layers are added when configured ({@code onegrid.map.tiles.*}).
 */
@Controller
class MapPage {

    private final Regions regions;

    MapPage(Regions regions) {
        this.regions = regions;
    }

    record CountyRow(String code, String name, int towns, int villages) {}

    @GetMapping("/map")
    String map(@RequestParam(required = false) String city, Model model) {
        List<RegionView> cities =
                regions.all().stream().filter(r -> r.parentCode() == null).toList();
        RegionView current = cities.stream()
                .filter(c -> c.code().equals(city))
                .findFirst()
                .orElse(cities.isEmpty() ? null : cities.get(0));
        model.addAttribute("cities", cities);
        model.addAttribute("city", current);
        model.addAttribute(
                "counties",
                current == null
                        ? List.of()
                        : regions.children(current.code()).stream()
                                .map(c -> new CountyRow(
                                        c.code(),
                                        c.name(),
                                        regions.children(c.code()).size(),
                                        regions.children(c.code()).stream()
                                                .mapToInt(t -> regions.children(t.code())
                                                        .size())
                                                .sum()))
                                .toList());
        return "region/map";
    }
}
