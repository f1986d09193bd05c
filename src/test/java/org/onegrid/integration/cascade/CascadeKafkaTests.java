package org.onegrid.integration.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.ReportIncident;
import org.onegrid.integration.Client;
import org.onegrid.integration.Spot;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The cascade to Kafka, through Spring Modulith's event externalisation, against an in-process KRaft broker. */
@SpringBootTest
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = "onegrid.cascade")
@TestPropertySource(
        properties = {
            "onegrid.cascade.transport=kafka",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
        })
class CascadeKafkaTests {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Staff staff;

    @Autowired
    Grids grids;

    @Autowired
    DailyStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    StaffPrincipal as(String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    /** Reads the topic from its start until {@code enough} holds for what came, or half a minute passed. */
    List<ConsumerRecord<String, String>> read(
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
        Map<String, Object> props = Map.of(
                "bootstrap.servers",
                broker.getBrokersAsString(),
                "group.id",
                "upper-platform-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("onegrid.cascade"));
            Instant giveUp = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(giveUp) && !enough.test(found)) {
                consumer.poll(Duration.ofMillis(500)).forEach(found::add);
            }
        }
        return found;
    }

    static JsonNode value(ConsumerRecord<String, String> record) {
        return Client.JSON.readTree(record.value());
    }

    @Test
    void reportedClosedAndDailyStatisticsReachTheTopicKeyedByTheirEventId() {
        Spot spot = Spot.of(grids, "370523102", 2);
        StaffPrincipal worker = as(spot.gridWorker());
        UUID id = incidents
                .report(
                        new ReportIncident(
                                "MDJF-010",
                                "楼下商铺喇叭叫卖",
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
                .id();
        incidents.resolve(
                id,
                new IncidentCommand.Plain(
                        "已劝导商铺关闭喇叭",
                        List.of(incidents.upload(Client.png(), worker).id())),
                worker);
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 3000));
        assertThat(statistics.publish(day)).isEqualTo(5);
        assertThat(statistics.publish(day)).as("each county and day once").isZero();
        Set<String> daily = statistics.figures(day).stream()
                .map(c -> DailyStatistics.eventId(c.countyCode(), day).toString())
                .collect(Collectors.toSet());

        List<ConsumerRecord<String, String>> records = read(found -> {
            Set<String> keys = found.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            long ofIncident = found.stream()
                    .filter(r -> r.value().contains(id.toString()))
                    .count();
            return keys.containsAll(daily) && ofIncident >= 2;
        });
        List<ConsumerRecord<String, String>> ofIncident =
                records.stream().filter(r -> r.value().contains(id.toString())).toList();
        // publications leave independently: the consumer orders an incident's events by their sequence
        List<JsonNode> events = ofIncident.stream()
                .map(CascadeKafkaTests::value)
                .sorted(java.util.Comparator.comparingLong(
                        e -> e.get("sequence").asLong()))
                .toList();
        assertThat(events.stream().map(e -> e.get("type").asString()))
                .containsExactly("INCIDENT_REPORTED", "INCIDENT_CLOSED");
        assertThat(events).allMatch(e -> e.get("subject").asString().equals(id.toString()));
        JsonNode report = events.get(0);
        assertThat(report.get("data").get("countyCode").asString()).isEqualTo(spot.county());
        assertThat(report.get("data").get("channel").asString()).isEqualTo("GRID_WORKER");
        assertThat(report.get("data").get("number").asString())
                .matches("DY-\\d{8}-\\d{4,}")
                .isEqualTo(events.get(1).get("data").get("number").asString());
        assertThat(events.get(1).get("data").get("resolutionLevel").asString()).isEqualTo("GRID");
        List<ConsumerRecord<String, String>> ofDay =
                records.stream().filter(r -> daily.contains(r.key())).toList();
        assertThat(ofDay).hasSize(5);
        assertThat(value(ofDay.get(0)).get("data").get("day").asString()).isEqualTo(day.toString());
        for (ConsumerRecord<String, String> r : records) {
            assertThat(new String(r.headers().lastHeader("X-Event-Id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(r.key());
            assertThat(value(r).get("eventId").asString()).isEqualTo(r.key());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%CascadeEvent'"
                                + " AND completion_date IS NULL AND serialized_event LIKE ?")
                        .param("%" + id + "%")
                        .query(Long.class)
                        .single())
                .as("the registry completed the publications once Kafka acknowledged them")
                .isZero();
    }
}
