package org.onegrid.staff.demo;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The grids the demo seed staffs. */
@Component
class DemoGrids {

    record Grid(String code, String villageCode) {}

    List<Grid> all() {
        return List.of();
    }

    Optional<String> firstIn(String villageCode) {
        return all().stream()
                .filter(g -> g.villageCode().equals(villageCode))
                .map(Grid::code)
                .findFirst();
    }
}
