package org.onegrid.integration.open311;

import java.util.List;
import org.locationtech.jts.geom.Point;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;

/** A point inside a demo city grid, with the grid's regions and the accounts working there. */
record Spot(String grid, String village, String county, double lng, double lat) {

    /** 东营区 */
    static final String DONGYING_DISTRICT = "370502";

    static Spot of(Grids grids, String regionCode, int index) {
        List<GridView> inRegion = grids.inRegion(regionCode);
        String code = inRegion.get(index % inRegion.size()).code();
        Point inside = grids.geometry(code).orElseThrow().getInteriorPoint();
        Location location = grids.location(code).orElseThrow();
        return new Spot(code, location.village().code(), location.county().code(), inside.getX(), inside.getY());
    }

    String gridWorker() {
        return "gw" + grid;
    }

    String villageDispatcher() {
        return "vd" + village;
    }

    String handler(String department) {
        return department + "." + county;
    }
}
