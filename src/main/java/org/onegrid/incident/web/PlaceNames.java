package org.onegrid.incident.web;

import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Names where the incident lists have codes: {@code ${@placeNames.grid(i.gridCode())}} gives 花园社区第1网格 for
 * 370523101001001. Both come from the region module's in-memory index; a code it does not know (a grid since
 * removed) is shown as it is.
 */
@Component("placeNames")
public class PlaceNames {

    private final Grids grids;
    private final Regions regions;

    PlaceNames(Grids grids, Regions regions) {
        this.grids = grids;
        this.regions = regions;
    }

    /** The grid's name, e.g. 花园社区第1网格. */
    public String grid(String code) {
        return code == null ? "" : grids.find(code).map(GridView::name).orElse(code);
    }

    /** The region's name, e.g. 花园社区 for a village's code. */
    public String region(String code) {
        return code == null ? "" : regions.find(code).map(RegionView::name).orElse(code);
    }

    /** The grid's name with its village first when the name does not already say it: 花园社区 · 第1网格. */
    public String gridInVillage(String code) {
        return grids.find(code)
                .map(g -> {
                    String village = region(g.villageCode());
                    return g.name().startsWith(village) ? g.name() : village + " " + g.name();
                })
                .orElse(code == null ? "" : code);
    }
}
