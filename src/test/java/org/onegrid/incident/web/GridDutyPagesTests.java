package org.onegrid.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A signed-in phone session follows the grid worker's assignments from the next page on, without signing in again. */
@IntegrationTest
class GridDutyPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGridAssignedOrTakenAwayShowsOnTheGridWorkersPhoneAtTheNextPage() {
        List<GridView> inVillage =
                grids.inRegion(grids.inRegion("370523102").get(0).villageCode());
        String home = inVillage.get(0).code();
        String other = inVillage.get(1).code();
        String worker = "gw" + home;
        long workerId = staff.findByUsername(worker).orElseThrow().id();
        Pages phone = Pages.signIn(port, worker);
        // the phone names the grids, never by their codes
        String homeName = inVillage.get(0).name();
        String otherName = inVillage.get(1).name();
        assertThat(phone.get("/m").body()).contains(homeName).doesNotContain(otherName);

        try {
            jdbc.sql("INSERT INTO grid_assignment (user_id, grid_code, duty, employment)"
                            + " VALUES (?, ?, 'GRID_WORKER', 'PART_TIME')")
                    .params(workerId, other)
                    .update();
            assertThat(phone.get("/m").body()).contains(homeName + "、" + otherName);
        } finally {
            jdbc.sql("DELETE FROM grid_assignment WHERE user_id = ? AND grid_code = ?")
                    .params(workerId, other)
                    .update();
        }
        assertThat(phone.get("/m").body()).contains(homeName).doesNotContain(otherName);
    }
}
