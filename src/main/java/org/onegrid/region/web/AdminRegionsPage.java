package org.onegrid.region.web;

import java.util.List;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 区划与网格 for administrators: what each county holds, a link to the map, and the upload forms of the region
 * and grid imports. The forms post from the browser to the import API with the page's CSRF token and list every
 * problem the API names, file, line or feature, code and field.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminRegionsPage {

    private final Regions regions;
    private final Grids grids;

    AdminRegionsPage(Regions regions, Grids grids) {
        this.regions = regions;
        this.grids = grids;
    }

    record CountyRow(String code, String name, int towns, int villages, int grids) {}

    @GetMapping("/admin/regions")
    String regions(Model model) {
        List<RegionView> cities = regions.byLevel(RegionLevel.CITY);
        List<CountyRow> counties = regions.byLevel(RegionLevel.COUNTY).stream()
                .map(county -> {
                    List<RegionView> towns = regions.children(county.code());
                    int villages = towns.stream()
                            .mapToInt(t -> regions.children(t.code()).size())
                            .sum();
                    List<GridView> inCounty = grids.inRegion(county.code());
                    return new CountyRow(county.code(), county.name(), towns.size(), villages, inCounty.size());
                })
                .toList();
        model.addAttribute("cities", cities);
        model.addAttribute("counties", counties);
        model.addAttribute("gridCount", grids.count());
        return "admin/regions";
    }
}
