package org.onegrid.region.web;

import java.util.List;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region map: the signed-in user's region (city staff: the city; a town dispatcher: their town) with the areas
 * one level down, their towns, villages and grids, drawn from the city's own data so it works without any tile
 * server; tile layers are added when configured ({@code onegrid.map.tiles.*}).
 */
@Controller
class MapPage {

    private final Regions regions;
    private final Grids grids;
    private final Scope scope;

    MapPage(Regions regions, Grids grids, Scope scope) {
        this.regions = regions;
        this.grids = grids;
        this.scope = scope;
    }

    /** An area one level below the region shown: its name, how many areas below it, and its grids. */
    record AreaRow(String code, String name, int below, int grids) {}

    /**
     * @param city a city, for a user who sees more than one; anything else shows the user's own region, as if it
     *     did not exist
     */
    @GetMapping("/map")
    String map(@RequestParam(required = false) String city, Model model) {
        List<RegionView> cities = regions.all().stream()
                .filter(r -> r.parentCode() == null)
                .filter(scope::sees)
                .toList();
        RegionView home = scope.home();
        RegionView current = cities.stream()
                .filter(c -> c.code().equals(city))
                .findFirst()
                .orElse(home != null ? home : cities.isEmpty() ? null : cities.get(0));
        model.addAttribute("cities", cities);
        model.addAttribute("region", current);
        List<RegionView> below = current == null ? List.of() : regions.children(current.code());
        RegionLevel belowLevel = below.isEmpty() ? null : below.get(0).level();
        model.addAttribute("belowLevel", belowLevel);
        model.addAttribute(
                "belowBelowLevel",
                belowLevel == null || belowLevel == RegionLevel.VILLAGE
                        ? null
                        : RegionLevel.values()[belowLevel.ordinal() + 1]);
        model.addAttribute(
                "areas",
                below.stream()
                        .map(c -> new AreaRow(
                                c.code(),
                                c.name(),
                                regions.children(c.code()).size(),
                                grids.inRegion(c.code()).size()))
                        .toList());
        return "region/map";
    }
}
