package org.onegrid.integration;

import java.util.List;
import org.locationtech.jts.geom.Point;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;

/** A point inside a grid of the demo city, the grid's regions, and who works there. */
public record Spot(String grid, String village, String town, String county, double lng, double lat) {

    /** The {@code index}-th grid (by code) of a region, and a point inside it. */
    public static Spot of(Grids grids, String regionCode, int index) {
        List<GridView> inRegion = grids.inRegion(regionCode);
        String code = inRegion.get(index % inRegion.size()).code();
        Point inside = grids.geometry(code).orElseThrow().getInteriorPoint();
        Location location = grids.location(code).orElseThrow();
        return new Spot(
                code,
                location.village().code(),
                location.town().code(),
                location.county().code(),
                inside.getX(),
                inside.getY());
    }

    public String gridWorker() {
        return "gw" + grid;
    }

    public String villageDispatcher() {
        return "vd" + village;
    }

    public String townDispatcher() {
        return "td" + town;
    }
}
