package org.onegrid.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.dispute.Mediation.body;
import static org.onegrid.dispute.Mediation.person;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.dispute.Mediation.Client;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The bad input: a party without identity, an agreement without terms, a session in the future, a ruling
 * number without an agreement, an action outside the mediator's cases, a case outside the caller's region — each
 * answered with a precise problem, and nothing changed.
 */
@IntegrationTest
class DisputeBadInputApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Regions regions;

    @Autowired
    Staff staff;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    RegionView village;
    Client desk;
    Client mediator;
    long mediatorId;

    @BeforeEach
    void aVillageDeskAndTheTownsMediator() {
        village = Mediation.village(regions);
        desk = Client.as(port, "dawang.dispatcher");
        mediator = Client.as(port, "mediator");
        mediatorId = staff.findByUsername("mediator").orElseThrow().id();
    }

    Map<String, Object> intake(List<Map<String, Object>> parties) {
        Map<String, Object> in = new HashMap<>();
        in.put("source", "WALK_IN");
        in.put("typeCode", "MDJF-014");
        in.put("facts", "借款三万元到期未还");
        in.put("amount", 30000);
        in.put("regionCode", village.code());
        in.put("body", body("TOWN_COMMITTEE"));
        in.put("parties", parties);
        return in;
    }

    /** A case being mediated by the town's mediator. */
    String mediating() {
        String id = desk.ok(
                        201,
                        "/api/v1/disputes",
                        intake(List.of(person("APPLICANT", "陈明", 51), person("RESPONDENT", "郑强", 52))))
                .get("id")
                .asString();
        desk.act(id, "accept", Map.of());
        desk.act(id, "assign", Map.of("mediatorId", mediatorId));
        return id;
    }

    long disputes() {
        return jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single();
    }

    long entries(String id) {
        return mediator.read("/api/v1/disputes/" + id + "/history")
                .get("entries")
                .size();
    }

    static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        return Mediation.JSON.readTree(r.body());
    }

    @Test
    void aPartyWithoutIdentityIsRefusedNamingThePartyAndNothingIsTakenIn() {
        long before = disputes();
        HttpResponse<String> r = desk.post(
                "/api/v1/disputes",
                intake(List.of(person("APPLICANT", "陈明", 53), Map.of("side", "RESPONDENT", "name", "郑强"))));
        JsonNode p = problem(r, 400);
        assertThat(p.get("field").asString()).isEqualTo("parties[1].identity");
        assertThat(p.get("detail").asString()).contains("郑强", "身份");
        assertThat(disputes()).isEqualTo(before);
    }

    @Test
    void aWrongIdNumberIsRefusedWithItsCheckDigit() {
        String valid = Mediation.idNumber(59);
        String broken = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        Map<String, Object> wrong = Map.of("side", "RESPONDENT", "name", "郑强", "identity", broken);
        JsonNode p = problem(desk.post("/api/v1/disputes", intake(List.of(person("APPLICANT", "陈明", 54), wrong))), 400);
        assertThat(p.get("field").asString()).isEqualTo("parties[1].identity");
    }

    @Test
    void aTypeOutsideTheDisputeCategoryIsRefused() {
        Map<String, Object> in = intake(List.of(person("APPLICANT", "陈明", 55), person("RESPONDENT", "郑强", 56)));
        in.put("typeCode", "CSGL-001");
        JsonNode p = problem(desk.post("/api/v1/disputes", in), 400);
        assertThat(p.get("field").asString()).isEqualTo("typeCode");
    }

    @Test
    void anAgreementWithoutTermsIsRefusedAndTheCaseStaysInMediation() {
        String id = mediating();
        mediator.act(
                id,
                "sessions",
                Map.of(
                        "heldAt",
                        Instant.now().minus(Duration.ofHours(1)).toString(),
                        "place",
                        "镇调解室",
                        "attendees",
                        "双方",
                        "minutes",
                        "协商还款"));
        long before = entries(id);
        JsonNode p = problem(
                mediator.post(
                        "/api/v1/disputes/" + id + "/agree",
                        Map.of(
                                "facts",
                                "借款未还",
                                "terms",
                                List.of(),
                                "performBy",
                                LocalDate.now().plusDays(10).toString())),
                400);
        assertThat(p.get("field").asString()).isEqualTo("terms");
        assertThat(p.get("detail").asString()).contains("协议内容");
        JsonNode now = mediator.read("/api/v1/disputes/" + id);
        assertThat(now.get("status").asString()).isEqualTo("MEDIATING");
        assertThat(now.get("agreement").isNull()).isTrue();
        assertThat(entries(id)).isEqualTo(before);
    }

    @Test
    void aSessionInTheFutureIsRefused() {
        String id = mediating();
        long before = entries(id);
        JsonNode p = problem(
                mediator.post(
                        "/api/v1/disputes/" + id + "/sessions",
                        Map.of(
                                "heldAt",
                                Instant.now().plus(Duration.ofDays(1)).toString(),
                                "place",
                                "镇调解室",
                                "attendees",
                                "双方",
                                "minutes",
                                "预约")),
                400);
        assertThat(p.get("field").asString()).isEqualTo("heldAt");
        assertThat(mediator.read("/api/v1/disputes/" + id).get("sessions").size())
                .isZero();
        assertThat(entries(id)).isEqualTo(before);
    }

    @Test
    void aRulingNumberWithoutAnAgreementIsRefused() {
        String id = mediating();
        long before = entries(id);
        JsonNode p = problem(
                desk.post(
                        "/api/v1/disputes/" + id + "/confirm",
                        Map.of("rulingNumber", "（2026）鲁0523民特1号", "court", "广饶县人民法院")),
                409);
        assertThat(p.get("detail").asString()).contains("尚未达成调解协议");
        assertThat(mediator.read("/api/v1/disputes/" + id).get("rulingNumber").isNull())
                .isTrue();
        assertThat(entries(id)).isEqualTo(before);
    }

    @Test
    void aMediatorCannotActOnAnotherMediatorsCase() {
        String id = mediating();
        String other = Mediation.newAccount(
                staff, organisations, "qt", Mediation.town(regions).code(), Set.of(Role.MEDIATOR));
        long before = entries(id);
        JsonNode p = problem(
                Client.as(port, other)
                        .post(
                                "/api/v1/disputes/" + id + "/sessions",
                                Map.of(
                                        "heldAt",
                                        Instant.now().minus(Duration.ofHours(1)).toString(),
                                        "place",
                                        "镇调解室",
                                        "attendees",
                                        "双方",
                                        "minutes",
                                        "x")),
                403);
        assertThat(p.get("detail").asString()).contains("不是您承办的案件");
        assertThat(entries(id)).isEqualTo(before);
    }

    @Test
    void aMediatorOfAnotherBodyCannotBeAssigned() {
        String id = desk.ok(
                        201,
                        "/api/v1/disputes",
                        intake(List.of(person("APPLICANT", "陈明", 57), person("RESPONDENT", "郑强", 58))))
                .get("id")
                .asString();
        desk.act(id, "accept", Map.of());
        String elsewhere = Mediation.newAccount(staff, organisations, "xq", Mediation.COUNTY, Set.of(Role.MEDIATOR));
        JsonNode p = problem(
                desk.post(
                        "/api/v1/disputes/" + id + "/assign",
                        Map.of(
                                "mediatorId",
                                staff.findByUsername(elsewhere).orElseThrow().id())),
                400);
        assertThat(p.get("field").asString()).isEqualTo("mediatorId");
        assertThat(mediator.read("/api/v1/disputes/" + id).get("status").asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void aCaseOutsideTheCallersRegionIsAnsweredLikeOneThatDoesNotExist() {
        String id = mediating();
        Client otherTown = Client.as(port, "daozhuang.dispatcher");
        HttpResponse<String> seen = otherTown.get("/api/v1/disputes/" + id);
        HttpResponse<String> unknown = otherTown.get("/api/v1/disputes/" + java.util.UUID.randomUUID());
        assertThat(seen.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        problem(otherTown.post("/api/v1/disputes/" + id + "/archive", Map.of()), 404);
        assertThat(otherTown.read("/api/v1/disputes").toString()).doesNotContain(id);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = mediating();
        long version = mediator.read("/api/v1/disputes/" + id).get("version").asLong();
        JsonNode p = problem(
                mediator.post(
                        "/api/v1/disputes/" + id + "/extend",
                        Map.of("version", version - 1, "days", 10, "consent", "双方同意")),
                409);
        assertThat(p.get("detail").asString()).contains("已被他人更新");
        assertThat(mediator.read("/api/v1/disputes/" + id).get("extensions").asInt())
                .isZero();
    }
}
