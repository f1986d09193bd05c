package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.scan.IdempotencyPurge;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency keys are kept for the retention (7 days) and then forgotten; within it a retry gives the same incident. */
@IntegrationTest
class IdempotencyRetentionTests {

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

    @Autowired
    IdempotencyPurge purge;

    long keys(String key) {
        return jdbc.sql("SELECT count(*) FROM incident_idempotency WHERE key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    void claimedDaysAgo(String key, int days) {
        jdbc.sql("UPDATE incident_idempotency SET created_at = now() - make_interval(days => ?) WHERE key = ?")
                .params(days, key)
                .update();
    }

    @Test
    void aKeyOlderThanTheRetentionIsPurgedWhileARecentOneStillAnswersTheSameIncident() {
        Api api = new Api(port);
        Dongying.catalog(catalog, staff);
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 4);
        Map<String, Object> body =
                Map.of("itemCode", Dongying.NOISE, "text", "夜市摊位喇叭叫卖", "longitude", spot.lng(), "latitude", spot.lat());
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        HttpResponse<String> oldReport =
                api.post(spot.gridWorker(), "/api/v1/incidents", body, Map.of("Idempotency-Key", old));
        HttpResponse<String> recentReport =
                api.post(spot.gridWorker(), "/api/v1/incidents", body, Map.of("Idempotency-Key", recent));
        assertThat(oldReport.statusCode()).as(oldReport.body()).isEqualTo(201);
        assertThat(recentReport.statusCode()).as(recentReport.body()).isEqualTo(201);
        claimedDaysAgo(old, 8);
        claimedDaysAgo(recent, 6);

        assertThat(purge.run()).isPositive();

        assertThat(keys(old)).isZero();
        assertThat(keys(recent)).isOne();
        HttpResponse<String> retried =
                api.post(spot.gridWorker(), "/api/v1/incidents", body, Map.of("Idempotency-Key", recent));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(Api.json(retried).get("id").asString())
                .isEqualTo(Api.json(recentReport).get("id").asString());
        assertThat(purge.run()).isZero();
    }
}
