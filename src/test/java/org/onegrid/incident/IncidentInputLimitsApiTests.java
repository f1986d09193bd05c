package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The incident API refuses what it cannot take as sent — a control character, an over-long comment, a number or flag of
 * the wrong type, hours and days out of range, a parameter given twice — with a 400 naming the field, and changes
 * nothing.
 */
@IntegrationTest
class IncidentInputLimitsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    Api api;
    Dongying.Spot spot;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Dongying.catalog(catalog, staff);
        spot = Dongying.spot(grids, Dongying.DAWANG, 7);
    }

    Map<String, Object> report(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", Dongying.NOISE);
        body.put("text", text);
        body.put("longitude", spot.lng());
        body.put("latitude", spot.lat());
        return body;
    }

    String reported() {
        HttpResponse<String> r = api.post(spot.gridWorker(), "/api/v1/incidents", report("夜间施工噪音扰民"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r).get("id").asString();
    }

    @Test
    void aControlCharacterInAnyTextOfAReportIsRefusedNamingTheField() {
        for (String field : new String[] {"text", "itemCode", "address", "reporterName", "gridCode"}) {
            for (String bad : new String[] {"a\u0000b", "从Word粘贴\u0001", "微信\u000B文字", "\uFFFF"}) {
                Map<String, Object> body = report("楼下烧烤油烟");
                body.put(field, bad);
                assertRefused(api.post(spot.gridWorker(), "/api/v1/incidents", body), field);
            }
        }
        // a lone surrogate cannot be sent as UTF-8, only as a JSON escape
        assertRefused(
                api.post(
                        spot.gridWorker(),
                        "/api/v1/incidents",
                        "{\"itemCode\": \"" + Dongying.NOISE + "\", \"text\": \"噪音\\uD800\", \"longitude\": "
                                + spot.lng() + ", \"latitude\": " + spot.lat() + "}"),
                "text");
    }

    @Test
    void aCommentHasAtMost4000CharactersAndNoControlCharacter() {
        String id = reported();
        long version = api.incident(spot.villageDispatcher(), id).get("version").asLong();

        assertRefused(
                api.post(
                        spot.villageDispatcher(),
                        "/api/v1/incidents/" + id + "/accept",
                        Map.of("comment", "受".repeat(100_000))),
                "comment");
        HttpResponse<String> long4001 = api.post(
                spot.villageDispatcher(), "/api/v1/incidents/" + id + "/accept", Map.of("comment", "受".repeat(4001)));
        assertRefused(long4001, "comment");
        assertThat(Api.json(long4001).get("maxLength").asInt()).isEqualTo(4000);
        assertRefused(
                api.post(
                        spot.villageDispatcher(),
                        "/api/v1/incidents/" + id + "/accept",
                        Map.of("comment", "予以\u000B受理")),
                "comment");

        assertThat(api.incident(spot.villageDispatcher(), id).get("version").asLong())
                .isEqualTo(version);
        assertThat(api.act(spot.villageDispatcher(), id, "accept", Map.of("comment", "受".repeat(4000)))
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void numbersAndFlagsAreNotCoerced() {
        String id = reported();
        String town = spot.townDispatcher();
        String path = "/api/v1/incidents/" + id + "/supervise";

        assertRefused(api.post(town, path, "{\"hours\": 1.5, \"comment\": \"督办\"}"), "hours");
        assertRefused(api.post(town, path, "{\"hours\": \"8\", \"comment\": \"督办\"}"), "hours");
        assertRefused(api.post(town, path, "{\"hours\": 8, \"naturalHours\": 2, \"comment\": \"督办\"}"), "naturalHours");
        assertRefused(
                api.post(town, path, "{\"hours\": 8, \"naturalHours\": \"true\", \"comment\": \"督办\"}"),
                "naturalHours");
        assertRefused(api.post(town, path, "{\"hours\": 8, \"comment\": 5}"), "comment");
        assertRefused(
                api.post(
                        spot.gridWorker(),
                        "/api/v1/incidents",
                        "{\"itemCode\": 5, \"text\": \"噪音\", \"longitude\": " + spot.lng() + ", \"latitude\": "
                                + spot.lat() + "}"),
                "itemCode");

        assertThat(api.incident(spot.villageDispatcher(), id).get("supervisions"))
                .isEmpty();
    }

    @Test
    void supervisionHoursAreOneTo720InWorkingAndNaturalTime() {
        String id = reported();
        String town = spot.townDispatcher();
        String path = "/api/v1/incidents/" + id + "/supervise";

        for (Object natural : new Object[] {true, false}) {
            for (long hours : new long[] {0, 721, 2_147_483_647L}) {
                assertRefused(
                        api.post(town, path, Map.of("hours", hours, "naturalHours", natural, "comment", "督办")),
                        "hours");
            }
        }
        assertRefused(
                api.post(town, path, "{\"hours\": 2147483648, \"naturalHours\": true, \"comment\": \"督办\"}"), "hours");

        JsonNode supervised =
                api.act(town, id, "supervise", Map.of("hours", 720, "naturalHours", true, "comment", "督办"));
        assertThat(supervised.get("supervisions")).hasSize(1);
    }

    @Test
    void listsRefuseDaysOutOfRangeRepeatedParametersAndControlCharacters() {
        String dispatcher = spot.villageDispatcher();

        assertRefused(api.get(dispatcher, "/api/v1/incidents?from=-999999999-01-01"), "from");
        assertRefused(api.get(dispatcher, "/api/v1/incidents?to=+999999999-12-31"), "to");
        assertRefused(api.get(dispatcher, "/api/v1/incidents?text=%00"), "text");
        assertRefused(api.get(dispatcher, "/api/v1/incidents?grid=%01"), "grid");
        assertRefused(api.get(dispatcher, "/api/v1/incidents?text=a&text=b"), "text");
        assertRefused(api.get(dispatcher, "/api/v1/incidents?page=1&page=2"), "page");
        assertThat(api.get(dispatcher, "/api/v1/incidents?from=2026-01-01&text=%E5%99%AA%09")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUploadedPhotoWhoseNameHoldsANulIsRefused() {
        HttpResponse<String> r = api.upload(spot.gridWorker(), "photo\u0000.jpg", Photos.jpeg());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static void assertRefused(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Api.json(r);
        assertThat(problem.get("type").asString()).endsWith("/invalid-input");
        assertThat(problem.get("field").asString()).as(r.body()).isEqualTo(field);
    }
}
