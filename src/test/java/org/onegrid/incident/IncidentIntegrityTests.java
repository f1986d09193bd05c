package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.scan.OverdueScan;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What keeps the loop honest: the tamper-evident history, the optimistic version under concurrent actors, and the
 * deadline scan with time moved forward.
 */
@IntegrationTest
class IncidentIntegrityTests {

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
    TransactionTemplate tx;

    @Autowired
    OverdueScan scan;

    Api api;
    Dongying.Spot spot;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Dongying.catalog(catalog, staff);
        spot = Dongying.spot(grids, Dongying.DAWANG, 9);
    }

    JsonNode report(String item, String text) {
        HttpResponse<String> r = api.post(
                spot.gridWorker(),
                "/api/v1/incidents",
                Map.of("itemCode", item, "text", text, "longitude", spot.lng(), "latitude", spot.lat()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r);
    }

    @Test
    void anEntryEditedInTheDatabaseBreaksTheHistorysChain() {
        String id = report(Dongying.NOISE, "门口音响扰民").get("id").asString();
        api.act(spot.villageDispatcher(), id, "accept", Map.of("comment", "予以受理"));
        api.act(spot.villageDispatcher(), id, "escalate", Map.of("comment", "需镇里协调"));
        assertThat(api.history(spot.villageDispatcher(), id).get("verified").asBoolean())
                .isTrue();

        // The table refuses edits and deletions outright ...
        assertThatThrownBy(() -> jdbc.sql("UPDATE incident_history SET comment = 'x' WHERE incident_id = :id")
                        .param("id", UUID.fromString(id))
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM incident_history WHERE incident_id = :id")
                        .param("id", UUID.fromString(id))
                        .update())
                .isInstanceOf(DataAccessException.class);
        // ... but its owner can switch the trigger off: then the chain shows the edit.
        tx.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE incident_history DISABLE TRIGGER incident_history_no_update_or_delete")
                    .update();
            jdbc.sql("UPDATE incident_history SET comment = '情况不属实' WHERE incident_id = :id AND sequence = 2")
                    .param("id", UUID.fromString(id))
                    .update();
            jdbc.sql("ALTER TABLE incident_history ENABLE TRIGGER incident_history_no_update_or_delete")
                    .update();
        });

        JsonNode history = api.history(spot.villageDispatcher(), id);
        assertThat(history.get("verified").asBoolean()).isFalse();
        assertThat(history.get("firstBroken").asLong()).isEqualTo(2);
        assertThat(history.get("entries").get(1).get("comment").asString()).isEqualTo("情况不属实");
    }

    @Test
    void ofTwoActorsActingAtOnceExactlyOneWinsAndTheOtherIsTold409() throws Exception {
        api.token(spot.villageDispatcher());
        api.token(spot.gridWorker());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = report(Dongying.NOISE, "同时处理 " + round).get("id").asString();
                String evidence = api.photo(spot.gridWorker());
                CountDownLatch start = new CountDownLatch(1);
                Future<HttpResponse<String>> accept = pool.submit(() -> {
                    start.await();
                    return api.post(spot.villageDispatcher(), "/api/v1/incidents/" + id + "/accept", Map.of());
                });
                Future<HttpResponse<String>> resolve = pool.submit(() -> {
                    start.await();
                    return api.post(
                            spot.gridWorker(),
                            "/api/v1/incidents/" + id + "/resolve",
                            Map.of("comment", "现场已劝导", "photoIds", List.of(evidence)));
                });
                start.countDown();
                List<Integer> statuses = new ArrayList<>(
                        List.of(accept.get().statusCode(), resolve.get().statusCode()));
                // Accepting does not rule out resolving on the spot: when the second loads after the first
                // committed, both succeed in turn. Whatever happened, every success is one entry, nothing else.
                JsonNode history = api.history(spot.villageDispatcher(), id);
                long entries = history.get("entries").size();
                assertThat(history.get("verified").asBoolean()).isTrue();
                assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(entries - 1);
                assertThat(statuses).allMatch(s -> s == 200 || s == 409);
            }
            for (int round = 0; round < 5; round++) {
                String id = report(Dongying.NOISE, "同时受理 " + round).get("id").asString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> both = new ArrayList<>();
                for (String action : List.of("accept", "reject")) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return api.post(
                                spot.villageDispatcher(),
                                "/api/v1/incidents/" + id + "/" + action,
                                Map.of("comment", "同一时刻"));
                    }));
                }
                start.countDown();
                List<Integer> statuses = List.of(
                        both.get(0).get().statusCode(), both.get(1).get().statusCode());
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                JsonNode incident = api.incident(spot.villageDispatcher(), id);
                assertThat(incident.get("version").asLong()).isEqualTo(2);
                assertThat(incident.get("history").get("verified").asBoolean()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDeadlineScanWarnsAtYellowThenMarksOverdueOnceAndEscalatesWhereTheItemSaysSo() {
        JsonNode incident = report(Dongying.HANDRAIL, "无障碍坡道扶手松动");
        String id = incident.get("id").asString();
        Instant reported = Instant.parse(incident.get("reportedAt").asString());
        Instant yellowAt = Instant.parse(incident.get("stage").get("yellowAt").asString());
        Instant deadline = Instant.parse(incident.get("stage").get("deadline").asString());
        assertThat(Duration.between(reported, deadline)).isEqualTo(Duration.ofHours(1));
        assertThat(Duration.between(reported, yellowAt)).isEqualTo(Duration.ofMinutes(48));

        scan.runAt(reported.plus(Duration.ofMinutes(30)));
        assertThat(api.incident(spot.villageDispatcher(), id).get("version").asLong())
                .isEqualTo(1);
        assertThat(notices(spot.villageDispatcher(), id)).doesNotContain("DEADLINE_WARNING");

        scan.runAt(reported.plus(Duration.ofMinutes(50)));
        scan.runAt(reported.plus(Duration.ofMinutes(55)));
        assertThat(notices(spot.villageDispatcher(), id)).containsOnlyOnce("DEADLINE_WARNING");
        assertThat(api.incident(spot.villageDispatcher(), id).get("version").asLong())
                .isEqualTo(1);

        Instant late = reported.plus(Duration.ofMinutes(61));
        scan.runAt(late);
        JsonNode escalated = api.incident(spot.townDispatcher(), id);
        assertThat(IncidentStoriesApiTests.actions(escalated.get("history")))
                .containsExactly("REPORT", "MARK_OVERDUE", "AUTO_ESCALATE");
        assertThat(escalated.get("owner").get("level").asString()).isEqualTo("TOWN");
        assertThat(escalated.get("counts").get("overdues").asInt()).isEqualTo(1);
        assertThat(escalated.get("counts").get("escalations").asInt()).isEqualTo(1);
        assertThat(escalated.get("light").asString()).isEqualTo("GREEN");
        assertThat(escalated.get("history").get("verified").asBoolean()).isTrue();
        assertThat(notices(spot.villageDispatcher(), id)).contains("OVERDUE");
        assertThat(notices(spot.townDispatcher(), id)).contains("ESCALATED");

        // the town's fresh accept stage is not overdue at the same moment: nothing more happens
        scan.runAt(late);
        assertThat(api.incident(spot.townDispatcher(), id).get("version").asLong())
                .isEqualTo(3);
        // ... until it is: the town is overdue as well and goes on to the county
        scan.runAt(late.plus(Duration.ofMinutes(61)));
        JsonNode county = api.incident("guangrao.dispatcher", id);
        assertThat(county.get("owner").get("level").asString()).isEqualTo("COUNTY");
        assertThat(county.get("counts").get("overdues").asInt()).isEqualTo(2);
        assertThat(api.get("guangrao.dispatcher", "/api/v1/incidents?light=GREEN&text=扶手松动")
                        .body())
                .contains(id);
    }

    List<String> notices(String user, String incidentId) {
        List<String> kinds = new ArrayList<>();
        Api.json(api.get(user, "/api/v1/notifications?size=200")).get("items").forEach(n -> {
            if (incidentId.equals(n.get("incidentId").asString())) {
                kinds.add(n.get("kind").asString());
            }
        });
        return kinds;
    }
}
