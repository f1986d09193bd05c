package org.onegrid.integration.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.OneGridApplication;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.ReportIncident;
import org.onegrid.integration.Client;
import org.onegrid.integration.Spot;
import org.onegrid.integration.TestReceiver;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cascade over HTTP while the upper-level platform is down and while the application restarts: events wait
 * and resume, and each reaches the platform exactly once. The test's own context seeds the demo city (with the
 * cascade off); two more applications then run on the same database with the cascade pointed at a real HTTP
 * server in the test, one after the other.
 */
@IntegrationTest
class CascadeRestartTests {

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext start(TestReceiver platform) {
        // as arguments: they outrank application.yml, as a deployment's settings do
        return new SpringApplicationBuilder(OneGridApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--onegrid.cascade.url=" + platform.url("/cascade/events"));
    }

    static StaffPrincipal as(ConfigurableApplicationContext app, String username) {
        Staff staff = app.getBean(Staff.class);
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    List<Map<String, Object>> cascadeDeliveries() {
        return jdbc.sql("SELECT event_id, state, attempts FROM delivery WHERE receiver = 'cascade'")
                .query()
                .listOfRows();
    }

    @Test
    void eventsWaitWhileThePlatformIsDownAndReachItExactlyOnceAcrossARestart() {
        try (TestReceiver platform = new TestReceiver().answer(500)) {
            ConfigurableApplicationContext first = start(platform);
            List<UUID> incidents = new ArrayList<>();
            int expected;
            try {
                IncidentApi api = first.getBean(IncidentApi.class);
                Spot spot = Spot.of(first.getBean(Grids.class), "370523101", 7);
                StaffPrincipal worker = as(first, spot.gridWorker());
                for (int i = 0; i < 4; i++) {
                    incidents.add(api.report(
                                    new ReportIncident(
                                            "MDJF-010",
                                            "广场舞音响声音过大，第 " + i + " 次反映",
                                            null,
                                            spot.lng(),
                                            spot.lat(),
                                            null,
                                            null,
                                            null,
                                            null,
                                            List.of()),
                                    null,
                                    worker)
                            .incident()
                            .id());
                }
                api.resolve(
                        incidents.get(0),
                        new IncidentCommand.Plain(
                                "已现场劝导，音量调低",
                                List.of(api.upload(Client.png(), worker).id())),
                        worker);
                int statistics = first.getBean(DailyStatistics.class)
                        .publish(LocalDate.now().minusDays(1));
                assertThat(statistics).isEqualTo(5);
                expected = 4 + 1 + statistics;

                // the platform answers 500: every event is tried, fails, and waits for its next attempt; the
                // closing of the first incident waits behind its report, never overtaking it
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> cascadeDeliveries().size() == expected
                                && cascadeDeliveries().stream()
                                                .filter(d -> ((Number) d.get("attempts")).intValue() >= 2)
                                                .count()
                                        == expected - 1);
                assertThat(jdbc.sql("SELECT attempts FROM delivery WHERE receiver = 'cascade' AND kind = ?")
                                .param("INCIDENT_CLOSED")
                                .query(Integer.class)
                                .single())
                        .isZero();
                assertThat(platform.received()).noneMatch(TestReceiver.Received::acknowledged);
                assertThat(cascadeDeliveries()).allMatch(d -> !d.get("state").equals("DELIVERED"));

                // the platform is back, slowly: stop the application after a few events got through
                platform.delay(Duration.ofMillis(400)).answer(200);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> platform.received().stream()
                                        .filter(TestReceiver.Received::acknowledged)
                                        .count()
                                >= 3);
            } finally {
                first.close();
            }
            long deliveredBeforeRestart = cascadeDeliveries().stream()
                    .filter(d -> d.get("state").equals("DELIVERED"))
                    .count();
            assertThat(deliveredBeforeRestart).isBetween(3L, (long) expected - 1);

            ConfigurableApplicationContext second = start(platform.delay(Duration.ZERO));
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> cascadeDeliveries().stream()
                                .allMatch(d -> d.get("state").equals("DELIVERED")));
            } finally {
                second.close();
            }

            Map<String, Long> acknowledged = platform.received().stream()
                    .filter(TestReceiver.Received::acknowledged)
                    .collect(Collectors.groupingBy(r -> r.header("X-Event-Id"), Collectors.counting()));
            List<String> queued = cascadeDeliveries().stream()
                    .map(d -> d.get("event_id").toString())
                    .toList();
            assertThat(queued).hasSize(expected);
            assertThat(acknowledged.keySet()).containsExactlyInAnyOrderElementsOf(queued);
            assertThat(acknowledged.values()).allMatch(times -> times == 1);
            for (TestReceiver.Received r : platform.received()) {
                assertThat(r.header("Idempotency-Key")).isEqualTo(r.header("X-Event-Id"));
                assertThat(Client.JSON.readTree(r.body()).get("eventId").asString())
                        .isEqualTo(r.header("X-Event-Id"));
            }
            List<String> types = platform.received().stream()
                    .filter(TestReceiver.Received::acknowledged)
                    .map(r -> r.header("X-Event-Type"))
                    .toList();
            assertThat(types.stream().filter("INCIDENT_REPORTED"::equals)).hasSize(4);
            assertThat(types.stream().filter("INCIDENT_CLOSED"::equals)).hasSize(1);
            assertThat(types.stream().filter("DAILY_STATISTICS"::equals)).hasSize(5);
            assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%CascadeEvent'"
                                    + " AND completion_date IS NULL")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }
}
