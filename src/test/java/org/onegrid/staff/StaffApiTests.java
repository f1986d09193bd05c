package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.onegrid.region.Regions;
import org.onegrid.staff.security.DataCipher;
import org.onegrid.staff.security.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The staff API on the demo city: who sees what, who may create users, how personal data is kept and shown. */
@IntegrationTest
class StaffApiTests {

    static final String DAWANG = "370523101";
    static final String DAOZHUANG = "370523102";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    Staff staff;

    @Autowired
    Regions regions;

    @Autowired
    DataCipher cipher;

    @Autowired
    Grids grids;

    Http http() {
        return new Http(port);
    }

    /** Every item of every page of a list endpoint. */
    List<JsonNode> all(Http http, String token, String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            HttpResponse<String> response = http.get(path + separator + "size=200&page=" + page, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Http.json(response);
            body.get("items").forEach(items::add);
            if ((long) (page + 1) * 200 >= body.get("total").asLong()) {
                return items;
            }
        }
    }

    @Test
    void anApiCallWithoutTokenIsAnsweredWithAProblemNotARedirect() {
        HttpResponse<String> response = http().get("/api/v1/users");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anUnknownTokenIsRefused() {
        HttpResponse<String> response = http().get("/api/v1/me", "bm90LWEtdG9rZW4tYXQtYWxsLWp1c3QtNDMtY2hhcnMtbG9uZw");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void aPageWithoutLoginRedirectsToTheLoginPage() {
        HttpResponse<String> response = http().get("/home");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Http.location(response)).endsWith("/login");
        assertThat(http().get("/login").body()).contains("登录", "name=\"_csrf\"");
    }

    @Test
    void publicEndpointsNeedNoLogin() {
        assertThat(http().get("/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> docs = http().get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/auth/token", "\"scheme\":\"bearer\"");
        assertThat(http().get("/css/staff.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aTownDispatcherListsOnlyUsersOfTheirOwnTown() {
        Http http = http();
        String token = http.login("dawang.dispatcher", "Demo@2026");
        String dawangPath = regions.find(DAWANG).orElseThrow().path();

        List<JsonNode> users = all(http, token, "/api/v1/users");
        assertThat(users).hasSizeGreaterThan(10);
        assertThat(users)
                .allSatisfy(
                        user -> assertThat(regions.find(user.get("regionCode").asString())
                                        .orElseThrow()
                                        .path())
                                .startsWith(dawangPath));
        assertThat(users)
                .extracting(u -> u.get("username").asString())
                .contains("dawang.dispatcher", "mediator", "td" + DAWANG)
                .doesNotContain("daozhuang.dispatcher", "td" + DAOZHUANG, "guangrao.dispatcher", "admin");

        JsonNode search = Http.json(http.get("/api/v1/users?q=daozhuang", token));
        assertThat(search.get("total").asLong()).isZero();
    }

    @Test
    void aTownDispatcherListsOnlyOrganisationsOfTheirOwnTown() {
        Http http = http();
        String token = http.login("dawang.dispatcher", "Demo@2026");
        List<JsonNode> orgs = all(http, token, "/api/v1/organisations");
        int villages = regions.children(DAWANG).size();
        assertThat(orgs).hasSize(1 + villages);
        assertThat(orgs)
                .allSatisfy(org -> assertThat(org.get("regionCode").asString()).startsWith(DAWANG));

        JsonNode elsewhere = Http.json(http.get("/api/v1/organisations?region=" + DAOZHUANG, token));
        assertThat(elsewhere.get("total").asLong()).isZero();
    }

    @Test
    void aResidentMayNotBrowseStaff() {
        Http http = http();
        String token = http.login("resident", "Demo@2026");
        assertThat(http.get("/api/v1/users", token).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserOrOrganisationOutsideTheScopeDoesNotExistForTheCaller() {
        Http http = http();
        String token = http.login("dawang.dispatcher", "Demo@2026");
        long otherTownCentre = organisations.centreOf(DAOZHUANG).orElseThrow().id();
        long otherDispatcher =
                staff.findByUsername("daozhuang.dispatcher").orElseThrow().id();
        long ownCentre = organisations.centreOf(DAWANG).orElseThrow().id();

        assertThat(http.get("/api/v1/organisations/" + otherTownCentre, token).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/users/" + otherDispatcher, token).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/organisations/" + ownCentre, token).statusCode())
                .isEqualTo(200);

        String county = http.login("guangrao.dispatcher", "Demo@2026");
        assertThat(http.get("/api/v1/users/" + otherDispatcher, county).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCountySeesTheTownsOfAFunctionalZoneItHostsThoughTheirCodesDiffer() {
        Http http = http();
        String token = http.login("dongying.dispatcher", "Demo@2026");
        long zoneTown = organisations.centreOf("370571400").orElseThrow().id();
        assertThat(http.get("/api/v1/organisations/" + zoneTown, token).statusCode())
                .isEqualTo(200);
        String hekou = http.login("hekou.dispatcher", "Demo@2026");
        assertThat(http.get("/api/v1/organisations/" + zoneTown, hekou).statusCode())
                .isEqualTo(404);
    }

    @Test
    void cityStaffSeeTheWholeCity() {
        Http http = http();
        String token = http.login("leader", "Demo@2026");
        JsonNode centres = Http.json(http.get("/api/v1/organisations?kind=CENTRE&region=3705", token));
        assertThat(centres.get("total").asLong())
                .isEqualTo(regions.all().stream()
                        .filter(r -> r.path().startsWith("/3705/"))
                        .count());
        JsonNode departments = Http.json(http.get("/api/v1/organisations?kind=department", token));
        assertThat(departments.get("total").asLong()).isGreaterThanOrEqualTo(26 + 5 * 20);
    }

    @Test
    void aBranchOfADepartmentServesItsCountyAndTheCityBureauTheRest() {
        String village = regions.children(DAWANG).get(0).code();
        assertThat(organisations.department("chengguan", village).orElseThrow().name())
                .isEqualTo("广饶县城管执法局");
        assertThat(organisations.department("ranqi", village).orElseThrow().name())
                .isEqualTo("东营市燃气集团");
        assertThat(organisations.department("huanbao", "370502").orElseThrow().name())
                .isEqualTo("东营市生态环境局东营分局");
    }

    @Test
    void invalidListParametersAreRejectedNamingTheParameter() {
        Http http = http();
        String token = http.login("leader", "Demo@2026");
        assertThat(Http.json(http.get("/api/v1/users?role=KING", token))
                        .get("field")
                        .asString())
                .isEqualTo("role");
        assertThat(Http.json(http.get("/api/v1/users?size=100000", token))
                        .get("field")
                        .asString())
                .isEqualTo("size");
        assertThat(Http.json(http.get("/api/v1/organisations?region=abc", token))
                        .get("field")
                        .asString())
                .isEqualTo("region");
        assertThat(Http.json(http.get("/api/v1/users?org=x", token))
                        .get("field")
                        .asString())
                .isEqualTo("org");
    }

    Map<String, Object> newUser(String username, String phone) {
        return Map.of(
                "username",
                username,
                "displayName",
                "赵测试",
                "password",
                "Welcome2026x",
                "orgId",
                organisations.centreOf(DAWANG).orElseThrow().id(),
                "roles",
                List.of("CENTRE_DISPATCHER"),
                "phone",
                phone);
    }

    long users(String username) {
        return jdbc.sql("SELECT count(*) FROM staff_user WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void onlyAnAdministratorCreatesUsers() {
        Http http = http();
        String username = "created.by.dispatcher";
        String token = http.login("dawang.dispatcher", "Demo@2026");
        HttpResponse<String> response = http.postJson("/api/v1/users", token, newUser(username, "13912345678"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(users(username)).isZero();
    }

    @Test
    void anInvalidUserIsRejectedNamingTheFieldAndNothingIsCreated() {
        Http http = http();
        String token = http.login("admin", "Demo@2026");
        Map<String, String> badFields = Map.of(
                "phone", "12345",
                "password", "short1",
                "username", "Has Spaces",
                "displayName", "");
        badFields.forEach((field, value) -> {
            Map<String, Object> body = new java.util.HashMap<>(newUser("rejected.user", "13912345678"));
            body.put(field, value);
            HttpResponse<String> response = http.postJson("/api/v1/users", token, body);
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(Http.json(response).get("field").asString()).isEqualTo(field);
        });

        Map<String, Object> unknownOrg = new java.util.HashMap<>(newUser("rejected.user", "13912345678"));
        unknownOrg.put("orgId", 987654321);
        assertThat(Http.json(http.postJson("/api/v1/users", token, unknownOrg))
                        .get("field")
                        .asString())
                .isEqualTo("orgId");

        Map<String, Object> unknownRole = new java.util.HashMap<>(newUser("rejected.user", "13912345678"));
        unknownRole.put("roles", List.of("KING"));
        HttpResponse<String> badRole = http.postJson("/api/v1/users", token, unknownRole);
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(Http.json(badRole).get("field").asString()).startsWith("roles");

        HttpResponse<String> taken = http.postJson("/api/v1/users", token, newUser("dawang.dispatcher", "13912345678"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(Http.json(taken).get("field").asString()).isEqualTo("username");

        assertThat(users("rejected.user")).isZero();
    }

    @Test
    void anAdministratorCreatesAUserWhosePhoneIsEncryptedAtRestAndMaskedInTheApi() {
        Http http = http();
        String token = http.login("admin", "Demo@2026");
        HttpResponse<String> created = http.postJson("/api/v1/users", token, newUser("zhao.ceshi", "13812341234"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode user = Http.json(created);
        assertThat(user.get("phone").asString()).isEqualTo("138****1234");
        assertThat(created.body()).doesNotContain("13812341234");
        assertThat(Http.location(created))
                .endsWith("/api/v1/users/" + user.get("id").asLong());

        byte[] stored = jdbc.sql("SELECT phone_cipher FROM staff_user WHERE username = 'zhao.ceshi'")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("13812341234");
        assertThat(cipher.decrypt(stored, Phones.CONTEXT)).isEqualTo("13812341234");

        String dispatcher = http.login("dawang.dispatcher", "Demo@2026");
        JsonNode listed = Http.json(http.get("/api/v1/users?q=zhao.ceshi", dispatcher));
        assertThat(listed.get("items").get(0).get("phone").asString()).isEqualTo("138****1234");
        assertThat(http.login("zhao.ceshi", "Welcome2026x")).isNotBlank();
    }

    @Test
    void theDemoCityHasCentresAtEveryLevelAndAFullTimeWorkerInEveryGrid() {
        long regionsOfCity = regions.all().stream()
                .filter(r -> r.path().startsWith("/3705/"))
                .count();
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'CENTRE' AND region_path LIKE '/3705/%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(regionsOfCity);
        assertThat(organisations.centreOf("3705").orElseThrow().name()).isEqualTo("东营市综治中心");

        String grid =
                grids.inRegion(regions.children(DAWANG).get(0).code()).get(0).code();
        assertThat(staff.gridStaff(grid))
                .extracting(GridAssignmentView::username, GridAssignmentView::duty, GridAssignmentView::employment)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("gw" + grid, GridDuty.GRID_WORKER, Employment.FULL_TIME),
                        org.assertj.core.groups.Tuple.tuple("gridworker", GridDuty.GRID_WORKER, Employment.FULL_TIME),
                        org.assertj.core.groups.Tuple.tuple(
                                "vd" + regions.children(DAWANG).get(0).code(),
                                GridDuty.GRID_LEADER,
                                Employment.PART_TIME));
        long demoGrids = grids.inRegion("3705").stream()
                .filter(g -> !g.code().startsWith("T-"))
                .count();
        long staffedGrids = jdbc.sql("SELECT count(DISTINCT grid_code) FROM grid_assignment"
                        + " WHERE duty = 'GRID_WORKER' AND employment = 'FULL_TIME'")
                .query(Long.class)
                .single();
        assertThat(staffedGrids).isGreaterThanOrEqualTo(demoGrids).isGreaterThan(6000);
        long partTime = jdbc.sql(
                        "SELECT count(*) FROM grid_assignment WHERE employment = 'PART_TIME' AND duty = 'GRID_WORKER'")
                .query(Long.class)
                .single();
        assertThat(partTime).isBetween(staffedGrids / 20, staffedGrids / 5);
    }

    @Test
    void aGridWorkerSeesTheirGridInTheirProfile() {
        Http http = http();
        String token = http.login("gridworker", "Demo@2026");
        JsonNode me = Http.json(http.get("/api/v1/me", token));
        assertThat(me.get("grids").get(0).get("duty").asString()).isEqualTo("GRID_WORKER");
        assertThat(me.get("grids").get(0).get("gridCode").asString())
                .startsWith(regions.children(DAWANG).get(0).code());
        assertThat(me.get("organisation").get("name").asString()).isEqualTo("花园社区综治中心");
    }
}
