package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.IncidentIntakeApiTests.assertProblem;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A grid worker's grids come with their account at each request: a changed assignment applies at the next one. */
@IntegrationTest
class GridDutyChangesTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGridWorkerResolvesInAGridFromTheRequestAfterBeingAssignedToItAndNoLongerOnceUnassigned() {
        Api api = new Api(port);
        Dongying.catalog(catalog, staff);
        Dongying.Spot home = Dongying.spot(grids, Dongying.DAWANG, 7);
        String worker = home.gridWorker();
        long workerId = staff.findByUsername(worker).orElseThrow().id();
        Set<String> worked = staff.gridsOf(workerId).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .collect(Collectors.toSet());
        Dongying.Spot other = null;
        for (int i = 0; other == null; i++) {
            Dongying.Spot candidate = Dongying.spot(grids, home.village(), i);
            if (!worked.contains(candidate.grid())) {
                other = candidate;
            }
        }
        String first = report(api, other, "楼道堆放杂物");
        String second = report(api, other, "单元门口堆放纸箱");
        api.token(worker);

        assertNotGridWorkerHere(resolve(api, worker, first));
        try {
            jdbc.sql("INSERT INTO grid_assignment (user_id, grid_code, duty, employment)"
                            + " VALUES (?, ?, 'GRID_WORKER', 'PART_TIME')")
                    .params(workerId, other.grid())
                    .update();

            HttpResponse<String> resolved = resolve(api, worker, first);
            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
            assertThat(Api.json(resolved).get("status").asString()).isEqualTo("CLOSED");
        } finally {
            jdbc.sql("DELETE FROM grid_assignment WHERE user_id = ? AND grid_code = ?")
                    .params(workerId, other.grid())
                    .update();
        }
        assertNotGridWorkerHere(resolve(api, worker, second));
    }

    static void assertNotGridWorkerHere(HttpResponse<String> refused) {
        assertProblem(refused, 403, "forbidden");
        assertThat(Api.json(refused).get("reason").asString()).isEqualTo("not-grid-worker-here");
    }

    static String report(Api api, Dongying.Spot spot, String text) {
        HttpResponse<String> r = api.post(
                spot.gridWorker(),
                "/api/v1/incidents",
                Map.of("itemCode", Dongying.NOISE, "text", text, "longitude", spot.lng(), "latitude", spot.lat()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r).get("id").asString();
    }

    static HttpResponse<String> resolve(Api api, String user, String id) {
        return api.post(
                user,
                "/api/v1/incidents/" + id + "/resolve",
                Map.of("comment", "已清理完毕", "photoIds", List.of(api.photo(user))));
    }
}
