package org.onegrid.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.Api;
import org.onegrid.IntegrationTest;
import org.onegrid.casework.CaseHistory;
import org.onegrid.region.Grids;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The bad input: each answered with a precise message, and nothing changed. */
@IntegrationTest
class HazardBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    Hazards hazards;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    CaseHistory history;

    @Autowired
    JdbcClient jdbc;

    String grid;
    long plant;
    Api town;
    Api bureau;
    LocalDate today = LocalDate.now(CityTime.ZONE);

    @BeforeEach
    void aChemicalPlantInTheTown() {
        StaffPrincipal admin = Places.principal(staff, "admin");
        StaffPrincipal worker = Places.principal(staff, "gridworker");
        grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        plant = Places.organisation(registry, grids, grid, "利华化工有限公司", OrganisationTag.HAZARDOUS_CHEMICALS, admin);
        town = Api.as(port, "dawang.dispatcher");
        bureau = Api.as(port, "yingji.370523");
    }

    UUID reported(String grade) {
        HttpResponse<String> r = town.post(
                "/api/v1/hazards",
                Map.of("source", "REPORT", "description", "配电箱无防护罩", "grade", grade, "organisationId", plant));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(Api.json(r).get("id").asString());
    }

    static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        return Api.json(r);
    }

    @Test
    void aPlanWhosePeriodDoesNotParseIsRefusedAndNoPlanIsMade() {
        long before =
                jdbc.sql("SELECT count(*) FROM hazard_plan").query(Long.class).single();
        JsonNode p = problem(
                bureau.post(
                        "/api/v1/screening-plans",
                        Map.of(
                                "name", "九小场所排查",
                                "targetKind", "ORGANISATIONS",
                                "targetTag", "NINE_SMALL",
                                "frequency", "twice a fortnight",
                                "owner", "TOWN",
                                "checklist", List.of(Map.of("code", "1", "text", "消防通道畅通")))),
                422);
        assertThat(p.get("field").asString()).isEqualTo("frequency");
        assertThat(p.get("detail").asString()).contains("无法识别排查周期“twice a fortnight”");
        assertThat(jdbc.sql("SELECT count(*) FROM hazard_plan")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aTaskDoneFiveKilometresAwayOrWithoutItsEvidenceIsRefusedAndStaysOpen() {
        HttpResponse<String> ordered = bureau.post(
                "/api/v1/screening-plans",
                Map.of(
                        "name", "危化品企业周排查",
                        "targetKind", "ORGANISATIONS",
                        "targetTag", "HAZARDOUS_CHEMICALS",
                        "frequency", "weekly",
                        "owner", "TOWN",
                        "checklist",
                                List.of(Map.of(
                                        "code", "1", "text", "储罐监测联网", "evidence", "PHOTO", "failGrade", "MAJOR"))));
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
        UUID task = jdbc.sql("SELECT id FROM hazard_task WHERE plan_id = :p AND target_org_id = :o")
                .param("p", UUID.fromString(Api.json(ordered).get("id").asString()))
                .param("o", plant)
                .query(UUID.class)
                .single();
        var at = Places.point(grids, grid);

        JsonNode far = problem(
                town.post(
                        "/api/v1/screening-tasks/" + task + "/complete",
                        Map.of(
                                "lng", at.getX(),
                                "lat", at.getY() + 5_300 / 111_195.0,
                                "answers", List.of(Map.of("itemCode", "1", "verdict", "PASS", "photoIds", List.of())))),
                422);
        assertThat(far.get("detail").asString()).contains("5.3 公里").contains("不能提交排查");
        assertThat(far.get("errors").findValuesAsString("message")).contains("检查项“储罐监测联网”须附现场照片");

        JsonNode noEvidence = problem(
                town.post(
                        "/api/v1/screening-tasks/" + task + "/complete",
                        Map.of(
                                "lng", at.getX(),
                                "lat", at.getY(),
                                "answers", List.of(Map.of("itemCode", "1", "verdict", "FAIL", "note", "无监测")))),
                422);
        assertThat(noEvidence.get("detail").asString()).isEqualTo("检查项“储罐监测联网”须附现场照片");
        assertThat(noEvidence.get("field").asString()).isEqualTo("answers[0].photoIds");

        JsonNode still = Api.json(town.get("/api/v1/screening-tasks/" + task));
        assertThat(still.get("state").asString()).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE task_id = :t")
                        .param("t", task)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(history.of("screening-task", task)).isEmpty();
    }

    @Test
    void aNoticeWithADeadlineInThePastIsRefusedAndTheHazardWaitsForItsNotice() {
        UUID id = reported("GENERAL");
        JsonNode p = problem(
                bureau.post(
                        "/api/v1/hazards/" + id + "/notice",
                        Map.of("deadline", today.minusDays(1).toString(), "requirements", "加装防护罩")),
                422);
        assertThat(p.get("field").asString()).isEqualTo("deadline");
        assertThat(p.get("detail").asString()).isEqualTo("整改期限 " + today.minusDays(1) + " 已过，不能早于今天（" + today + "）");
        JsonNode h = Api.json(bureau.get("/api/v1/hazards/" + id)).get("hazard");
        assertThat(h.get("status").asString()).isEqualTo("FOUND");
        assertThat(h.get("deadline").isNull()).isTrue();
        assertThat(history.of("hazard", id)).hasSize(1);
    }

    @Test
    void closingWithoutAcceptanceAndAcceptanceByTheUnitThatRectifiedAreRefused() {
        UUID id = reported("GENERAL");
        assertThat(town.post(
                                "/api/v1/hazards/" + id + "/notice",
                                Map.of("deadline", today.plusDays(7).toString(), "requirements", "加装防护罩"))
                        .statusCode())
                .isEqualTo(200);
        StaffPrincipal officer = Places.principal(staff, "dawang.dispatcher");
        String photo = hazards.upload(Places.png(), officer).toString();
        assertThat(town.post(
                                "/api/v1/hazards/" + id + "/rectification",
                                Map.of("note", "已加装防护罩", "photoIds", List.of(photo)))
                        .statusCode())
                .isEqualTo(200);

        JsonNode close = problem(town.post("/api/v1/hazards/" + id + "/close", Map.of()), 422);
        assertThat(close.get("detail").asString()).isEqualTo("隐患已整改待验收，未经验收合格不能销号");

        JsonNode own = problem(town.post("/api/v1/hazards/" + id + "/acceptance", Map.of("passed", true)), 422);
        assertThat(own.get("detail").asString()).startsWith("整改由本单位报告，不能自行验收");

        JsonNode h = Api.json(town.get("/api/v1/hazards/" + id)).get("hazard");
        assertThat(h.get("status").asString()).isEqualTo("RECTIFIED");
        assertThat(history.of("hazard", id)).hasSize(3);

        // the county, above the town that issued the notice, may accept it
        assertThat(bureau.post("/api/v1/hazards/" + id + "/acceptance", Map.of("passed", true))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anotherCountysStaffAreAnsweredAsIfTheHazardDidNotExist() {
        UUID id = reported("MAJOR");
        Api other = Api.as(port, "hekou.dispatcher");
        HttpResponse<String> r = other.get("/api/v1/hazards/" + id);
        JsonNode p = problem(r, 404);
        HttpResponse<String> unknown = other.get("/api/v1/hazards/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(p.get("type").asString())
                .isEqualTo(Api.json(unknown).get("type").asString());
        assertThat(problem(
                                other.post(
                                        "/api/v1/hazards/" + id + "/notice",
                                        Map.of("deadline", today.plusDays(7).toString(), "requirements", "x")),
                                404)
                        .get("type")
                        .asString())
                .endsWith("not-found");
    }
}
