package org.onegrid.staff.demo;

import java.util.List;
import java.util.Optional;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.springframework.stereotype.Component;

/** The grids the demo seed staffs, in code order, from the region module. */
@Component
class DemoGrids {

    record Grid(String code, String villageCode) {}

    private final Grids grids;

    DemoGrids(Grids grids) {
        this.grids = grids;
    }

    List<Grid> all() {
        return grids.all().stream()
                .map(g -> new Grid(g.code(), g.villageCode()))
                .toList();
    }

    Optional<String> firstIn(String villageCode) {
        return grids.inRegion(villageCode).stream().map(GridView::code).findFirst();
    }
}
