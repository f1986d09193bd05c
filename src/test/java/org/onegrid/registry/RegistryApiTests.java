package org.onegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.Api;
import org.onegrid.IntegrationTest;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The registry's JSON API as clients use it: search, detail, unmasking, scope, and refusals that change nothing. */
@IntegrationTest
class RegistryApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    GridView gridA;
    GridView gridB;

    @BeforeEach
    void signIn() {
        admin = Api.as(port, "admin");
        List<GridView> all = grids.all();
        gridA = all.get(0);
        gridB = all.stream()
                .filter(g -> !g.villageCode().equals(gridA.villageCode()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPersonIsFoundByIdNumberAndPhoneAndTheGridListCountsItsTags() {
        String id = RegistryStorageTests.idNumber(true);
        String phone = phone();
        long person = register("刘一", id, phone, gridA, "DISABLED");

        JsonNode byId = ok(admin.get("/api/v1/registry/persons?idNumber=" + id.toLowerCase()));
        assertThat(byId.get("total").asLong()).isEqualTo(1);
        assertThat(byId.get("items").get(0).get("id").asLong()).isEqualTo(person);
        assertThat(byId.get("items").get(0).get("maskedName").asString()).isEqualTo("刘*");
        assertThat(byId.toString()).doesNotContain(id).doesNotContain(phone);

        JsonNode byPhone = ok(admin.get("/api/v1/registry/persons?phone=" + phone));
        assertThat(byPhone.get("items").get(0).get("id").asLong()).isEqualTo(person);

        JsonNode tagged = ok(admin.get("/api/v1/registry/persons?grid=" + gridA.code() + "&tag=DISABLED&size=200"));
        assertThat(ids(tagged)).contains(person);
        JsonNode counts = ok(admin.get("/api/v1/registry/counts?grid=" + gridA.code()));
        assertThat(counts.get("personTags").get("DISABLED").asLong())
                .isEqualTo(tagged.get("total").asLong());

        JsonNode byName = ok(admin.get("/api/v1/registry/persons?grid=" + gridA.code() + "&name=刘一"));
        assertThat(ids(byName)).contains(person);
        HttpResponse<String> twoGrids =
                admin.get("/api/v1/registry/persons?grid=" + gridA.code() + "&grid=" + gridB.code());
        assertThat(twoGrids.statusCode()).isEqualTo(400);
        assertThat(Api.json(twoGrids).get("field").asString()).isEqualTo("grid");
        HttpResponse<String> nameCityWide = admin.get("/api/v1/registry/persons?name=刘一");
        assertThat(nameCityWide.statusCode()).isEqualTo(400);
        assertThat(Api.json(nameCityWide).get("field").asString()).isEqualTo("name");
    }

    @Test
    void readingAPersonUnmaskedWritesTheAccessLogAndTheAuditTrailWhichTheSupervisorReads() {
        String id = RegistryStorageTests.idNumber(false);
        long person = register("陈二", id, phone(), gridA, null);
        Api worker = Api.as(port, "gw" + gridA.code());

        HttpResponse<String> noPurpose =
                worker.post("/api/v1/registry/persons/" + person + "/unmasked", Map.of("purpose", " "));
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(Api.json(noPurpose).get("field").asString()).isEqualTo("purpose");
        assertThat(logRows(person)).isZero();

        JsonNode seen =
                ok(worker.post("/api/v1/registry/persons/" + person + "/unmasked", Map.of("purpose", "入户走访核对身份")));
        assertThat(seen.get("name").asString()).isEqualTo("陈二");
        assertThat(seen.get("idNumber").asString()).isEqualTo(id);
        assertThat(logRows(person)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE event = 'PERSON_VIEWED' AND detail = :d")
                        .param("d", "registry_person " + person)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(worker.get("/api/v1/registry/access-log").statusCode()).isEqualTo(403);
        JsonNode log = ok(Api.as(port, "leader").get("/api/v1/registry/access-log?personId=" + person));
        assertThat(log.get("total").asLong()).isEqualTo(1);
        JsonNode entry = log.get("items").get(0);
        assertThat(entry.get("entry").get("username").asString()).isEqualTo("gw" + gridA.code());
        assertThat(entry.get("entry").get("purpose").asString()).isEqualTo("入户走访核对身份");
        assertThat(entry.get("maskedName").asString()).isEqualTo("陈*");
        HttpResponse<String> badDates = admin.get("/api/v1/registry/access-log?from=2026-02-01&to=2026-01-01");
        assertThat(badDates.statusCode()).isEqualTo(400);
        assertThat(Api.json(badDates).get("field").asString()).isEqualTo("to");
    }

    @Test
    void aGridWorkerCannotReadAnotherGridsPersonNorListItsHouseholdsAndIsAnsweredAsIfTheyDidNotExist() {
        long person = register("周三", RegistryStorageTests.idNumber(true), phone(), gridA, null);
        Api other = Api.as(port, "gw" + gridB.code());

        HttpResponse<String> foreign = other.get("/api/v1/registry/persons/" + person);
        HttpResponse<String> missing = other.get("/api/v1/registry/persons/" + (person + 10_000_000));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Api.json(foreign).get("type").asString())
                .isEqualTo(Api.json(missing).get("type").asString());
        assertThat(other.post("/api/v1/registry/persons/" + person + "/unmasked", Map.of("purpose", "核实"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/registry/households?grid=" + gridA.code()).statusCode())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/registry/households?grid=999999999999999").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/registry/persons?grid=" + gridA.code()).statusCode())
                .isEqualTo(404);
        assertThat(logRows(person)).isZero();
        // their own grid they list
        assertThat(other.get("/api/v1/registry/households?grid=" + gridB.code()).statusCode())
                .isEqualTo(200);
        assertThat(Api.as(port, "resident")
                        .get("/api/v1/registry/persons?grid=" + gridA.code())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aWrongCheckDigitOrABirthDateContradictingTheIdNumberIsRefusedNamingTheFieldAndNothingIsStored() {
        String valid = RegistryStorageTests.idNumber(true);
        char last = valid.charAt(17);
        String wrongCheck = valid.substring(0, 17) + (last == '1' ? '2' : '1');
        long before = persons();

        HttpResponse<String> checkDigit =
                admin.post("/api/v1/registry/persons", personBody("吴四", wrongCheck, null, gridA));
        assertThat(checkDigit.statusCode()).isEqualTo(400);
        assertThat(checkDigit.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(codes(checkDigit)).containsEntry("idNumber", "id-number.check-digit");

        Map<String, Object> contradicting = personBody("吴四", valid, "1999-01-01", gridA);
        HttpResponse<String> birth = admin.post("/api/v1/registry/persons", contradicting);
        assertThat(birth.statusCode()).isEqualTo(400);
        assertThat(codes(birth)).containsEntry("birthDate", "birth-date.mismatch");

        HttpResponse<String> wrongTag = admin.post(
                "/api/v1/registry/persons?x=1", Map.of("name", "吴四", "idNumber", valid, "tags", List.of("NOPE")));
        assertThat(wrongTag.statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/registry/persons?idNumber=" + wrongCheck).statusCode())
                .isEqualTo(400);
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void aHouseholdWithoutHeadOrWithAMemberOfAnotherHouseholdIsRefusedNamingTheMemberAndNothingIsStored() {
        long a = register("郑五", RegistryStorageTests.idNumber(true), null, gridA, null);
        long b = register("郑小五", RegistryStorageTests.idNumber(false), null, gridA, null);
        long address =
                ok(admin.get("/api/v1/registry/persons/" + a)).get("addressId").asLong();
        long households = households();

        HttpResponse<String> headless = admin.post(
                "/api/v1/registry/households",
                Map.of(
                        "addressId",
                        address,
                        "members",
                        List.of(
                                Map.of("personId", a, "relation", "SPOUSE"),
                                Map.of("personId", b, "relation", "CHILD"))));
        assertThat(headless.statusCode()).isEqualTo(400);
        assertThat(codes(headless)).containsEntry("members", "household.no-head");
        assertThat(households()).isEqualTo(households);

        JsonNode created = Api.json(admin.post(
                "/api/v1/registry/households",
                Map.of("addressId", address, "members", List.of(Map.of("personId", a, "relation", "HEAD")))));
        long first = created.get("household").get("id").asLong();
        assertThat(created.get("summary").get("maskedHeadName").asString()).isEqualTo("郑*");

        HttpResponse<String> twice = admin.post(
                "/api/v1/registry/households",
                Map.of(
                        "addressId",
                        address,
                        "members",
                        List.of(
                                Map.of("personId", b, "relation", "HEAD"),
                                Map.of("personId", a, "relation", "SPOUSE"))));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(codes(twice)).containsEntry("members[1].personId", "member.other-household");
        assertThat(Api.json(twice).get("errors").get(0).get("message").asString())
                .contains("户 " + first);
        assertThat(households()).isEqualTo(households + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_household_member WHERE person_id = :b")
                        .param("b", b)
                        .query(Long.class)
                        .single())
                .isZero();

        JsonNode detail = ok(admin.get("/api/v1/registry/households/" + first));
        assertThat(detail.get("history").get(0).get("label").asString()).isEqualTo("户内变更");
        assertThat(detail.get("address").get("line").asString()).isEqualTo("幸福路1号3号楼2单元301");
    }

    @Test
    void aLifeEventIsRecordedAndKeptInTheHistoryAndAFutureDateIsRefused() {
        long person = register("冯六", RegistryStorageTests.idNumber(true), null, gridA, null);
        HttpResponse<String> future = admin.post(
                "/api/v1/registry/persons/" + person + "/events",
                Map.of("kind", "MOVED_OUT", "occurredOn", "2999-01-01"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(codes(future)).containsKey("occurredOn");

        HttpResponse<String> out = admin.post(
                "/api/v1/registry/persons/" + person + "/events",
                Map.of("kind", "MOVED_OUT", "occurredOn", "2026-01-05", "note", "外出务工"));
        assertThat(out.statusCode()).as(out.body()).isEqualTo(201);
        JsonNode p = ok(admin.get("/api/v1/registry/persons/" + person));
        assertThat(p.get("status").asString()).isEqualTo("MOVED_OUT");
        assertThat(ok(admin.get("/api/v1/registry/persons/" + person + "/events"))
                        .get(0)
                        .get("label")
                        .asString())
                .isEqualTo("迁出");
    }

    // ---------------------------------------------------------------------------------------------------------

    private long register(String name, String id, String phone, GridView grid, String tag) {
        Map<String, Object> body = personBody(name, id, null, grid);
        if (phone != null) {
            body.put("phone", phone);
        }
        if (tag != null) {
            body.put("tags", List.of(tag));
        }
        HttpResponse<String> created = admin.post("/api/v1/registry/persons", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).get("id").asLong();
    }

    private Map<String, Object> personBody(String name, String id, String birthDate, GridView grid) {
        Point p = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
        JsonNode address = ok(admin.post(
                "/api/v1/registry/addresses",
                Map.of(
                        "road",
                        "幸福路",
                        "number",
                        "1号",
                        "building",
                        "3号楼",
                        "unit",
                        "2单元",
                        "room",
                        "301",
                        "lng",
                        p.getX(),
                        "lat",
                        p.getY())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", id);
        body.put("residence", "REGISTERED");
        body.put("addressId", address.get("id").asLong());
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        }
        return body;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Api.json(response);
    }

    private static List<Long> ids(JsonNode listing) {
        List<Long> out = new ArrayList<>();
        listing.get("items").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    private static Map<String, String> codes(HttpResponse<String> problem) {
        Map<String, String> out = new LinkedHashMap<>();
        Api.json(problem)
                .get("errors")
                .forEach(e -> out.put(e.get("field").asString(), e.get("code").asString()));
        return out;
    }

    private long logRows(long person) {
        return jdbc.sql("SELECT count(*) FROM registry_access_log WHERE person_id = :p")
                .param("p", person)
                .query(Long.class)
                .single();
    }

    private long persons() {
        return jdbc.sql("SELECT count(*) FROM registry_person")
                .query(Long.class)
                .single();
    }

    private long households() {
        return jdbc.sql("SELECT count(*) FROM registry_household")
                .query(Long.class)
                .single();
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
