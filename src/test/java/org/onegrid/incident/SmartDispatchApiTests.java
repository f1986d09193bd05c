package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 智能分拨 through the API: the suggestion endpoint, a report that names no item, the centre's 核定事项类型, and a
 * correction reaching the next model.
 */
@IntegrationTest
class SmartDispatchApiTests {

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

    Api api;
    Dongying.Spot spot;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        spot = Dongying.spot(grids, Dongying.DAWANG, 5);
    }

    JsonNode suggest(String user, String text) {
        HttpResponse<String> r = api.post(user, "/api/v1/catalog/suggest", Map.of("text", text));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Api.json(r);
    }

    Map<String, Object> reportWithoutItem(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("longitude", spot.lng());
        body.put("latitude", spot.lat());
        return body;
    }

    long incidents() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    @Test
    void anyoneSignedInGetsTheThreeLikeliestActiveItemsWithConfidences() {
        JsonNode answer = suggest(spot.gridWorker(), "楼下饭店排风管对着我家窗户，一股油烟味");
        assertThat(answer.get("modelVersion").asInt()).isPositive();
        JsonNode suggestions = answer.get("suggestions");
        assertThat(suggestions).hasSize(3);
        JsonNode first = suggestions.get(0);
        assertThat(first.get("itemCode").asString()).isEqualTo("CSGL-004");
        assertThat(first.get("itemName").asString()).isEqualTo("油烟扰民");
        assertThat(first.get("categoryCode").asString()).isEqualTo("CSGL");
        assertThat(first.get("departmentCodes").get(0).asString()).isEqualTo("chengguan");
        double previous = 1;
        for (JsonNode s : suggestions) {
            double confidence = s.get("confidence").asDouble();
            assertThat(confidence).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = confidence;
        }
        HttpResponse<String> withPosition = api.post(
                "city.dispatcher",
                "/api/v1/catalog/suggest",
                Map.of("text", "路灯坏了", "longitude", 118.48, "latitude", 37.10));
        assertThat(withPosition.statusCode()).as(withPosition.body()).isEqualTo(200);
    }

    @Test
    void anEmptyOrOverLongTextIsABadRequestNamingTheField() {
        for (Object body : List.of(Map.of("text", "  "), Map.of(), "{\"text\": \"" + "很".repeat(4001) + "\"}")) {
            HttpResponse<String> r = api.post(spot.gridWorker(), "/api/v1/catalog/suggest", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(Api.json(r).toString()).contains("text");
        }
        HttpResponse<String> offTheGlobe =
                api.post(spot.gridWorker(), "/api/v1/catalog/suggest", Map.of("text", "路灯坏了", "latitude", 91));
        assertThat(offTheGlobe.statusCode()).isEqualTo(400);
        HttpResponse<String> anonymous = api.post(null, "/api/v1/catalog/suggest", Map.of("text", "路灯坏了"));
        assertThat(anonymous.statusCode()).isIn(401, 403);
    }

    @Test
    void aReportWithoutItemIsRoutedByTheSuggestionAndMarkedTypeUnconfirmed() {
        HttpResponse<String> r =
                api.post(spot.gridWorker(), "/api/v1/incidents", reportWithoutItem("村里主路的路灯一到晚上就不亮，黑乎乎的"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode incident = Api.json(r);
        assertThat(incident.get("itemCode").asString()).isEqualTo("CSGL-007");
        assertThat(incident.get("typeUnconfirmed").asBoolean()).isTrue();
        assertThat(incident.get("owner").get("level").asString()).isEqualTo("VILLAGE");
        assertThat(incident.get("history").get("entries").get(0).get("detail").asString())
                .contains("item=CSGL-007", "typeUnconfirmed=true");

        JsonNode listed = Api.json(api.get(spot.villageDispatcher(), "/api/v1/incidents?size=100"));
        assertThat(listed.get("items").findValues("id").stream().map(JsonNode::asString))
                .contains(incident.get("id").asString());
        for (JsonNode row : listed.get("items")) {
            if (row.get("id").asString().equals(incident.get("id").asString())) {
                assertThat(row.get("typeUnconfirmed").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void aReportWithNeitherItemNorTextIsRefusedAndStoresNothing() {
        long before = incidents();
        HttpResponse<String> r = api.post(spot.gridWorker(), "/api/v1/incidents", reportWithoutItem(" "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Api.json(r).get("field").asString()).isEqualTo("itemCode");
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void theOwningCentreChangesTheItemWithAReasonInTheHistoryChainAndTheRunningDeadlineStays() {
        JsonNode incident =
                Api.json(api.post(spot.gridWorker(), "/api/v1/incidents", reportWithoutItem("路灯不亮了，晚上走路看不见")));
        String id = incident.get("id").asString();
        String deadline = incident.get("stage").get("deadline").asString();

        HttpResponse<String> noReason = api.post(
                spot.villageDispatcher(), "/api/v1/incidents/" + id + "/reclassify", Map.of("itemCode", "CSGL-022"));
        assertThat(noReason.statusCode()).isEqualTo(422);
        HttpResponse<String> notTheirs = api.post(
                spot.gridWorker(),
                "/api/v1/incidents/" + id + "/reclassify",
                Map.of("itemCode", "CSGL-022", "comment", "是灯杆护栏坏了"));
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = api.post(
                spot.villageDispatcher(),
                "/api/v1/incidents/" + id + "/reclassify",
                Map.of("itemCode", "NOPE-001", "comment", "试试"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(api.incident(spot.villageDispatcher(), id).get("version").asLong())
                .isEqualTo(1);

        JsonNode changed = api.act(
                spot.villageDispatcher(),
                id,
                "reclassify",
                Map.of("itemCode", "CSGL-022", "comment", "现场看是路灯杆护栏损坏，属公共设施"));
        assertThat(changed.get("itemCode").asString()).isEqualTo("CSGL-022");
        assertThat(changed.get("itemName").asString()).isEqualTo("公共设施损坏");
        assertThat(changed.get("typeUnconfirmed").asBoolean()).isFalse();
        assertThat(changed.get("terms").get("handle").toString()).contains("40");
        assertThat(changed.get("stage").get("deadline").asString()).isEqualTo(deadline);
        JsonNode history = api.history(spot.villageDispatcher(), id);
        assertThat(history.get("verified").asBoolean()).isTrue();
        JsonNode last = history.get("entries").get(history.get("entries").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("RECLASSIFY");
        assertThat(last.get("comment").asString()).isEqualTo("现场看是路灯杆护栏损坏，属公共设施");
        assertThat(last.get("detail").asString()).contains("from=CSGL-007", "to=CSGL-022");

        HttpResponse<String> again = api.post(
                spot.villageDispatcher(), "/api/v1/incidents/" + id + "/reclassify", Map.of("itemCode", "CSGL-022"));
        assertThat(again.statusCode()).isEqualTo(409);
        Long examples = jdbc.sql("SELECT count(*) FROM suggest_example WHERE incident_id = CAST(? AS uuid)")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(examples).isOne();
    }

    @Test
    void aDispatchersCorrectionReachesTheNextModel() {
        String text = "小区东门岗亭旁边的道闸杆被撞歪了，手机号13912345678";
        // the dispatcher decides for the model's second choice: the first model does not put it first
        JsonNode before = suggest(spot.gridWorker(), text).get("suggestions");
        String first = before.get(0).get("itemCode").asString();
        String corrected = before.get(1).get("itemCode").asString();
        String correctedName = before.get(1).get("itemName").asString();
        Map<String, Object> report = reportWithoutItem(text);
        report.put("itemCode", first);
        JsonNode incident = Api.json(api.post(spot.gridWorker(), "/api/v1/incidents", report));
        api.act(
                spot.villageDispatcher(),
                incident.get("id").asString(),
                "reclassify",
                Map.of("itemCode", corrected, "comment", "道闸属小区公共设施"));
        String stored = jdbc.sql("SELECT text FROM suggest_example WHERE incident_id = CAST(? AS uuid)")
                .param(incident.get("id").asString())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("13912345678").contains("〔电话〕");

        HttpResponse<String> trained = api.post("admin", "/api/v1/catalog/suggest/models", Map.of());
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
        assertThat(Api.json(trained).get("promoted").asBoolean()).isTrue();
        JsonNode after = suggest(spot.gridWorker(), text);
        assertThat(after.get("modelVersion").asInt())
                .isEqualTo(Api.json(trained).get("version").asInt());
        assertThat(after.get("suggestions").get(0).get("itemCode").asString()).isEqualTo(corrected);

        JsonNode models = Api.json(api.get("admin", "/api/v1/catalog/suggest/models"));
        assertThat(models.get("taught").toString()).contains("道闸", correctedName);
        assertThat(api.post(spot.gridWorker(), "/api/v1/catalog/suggest/models", Map.of())
                        .statusCode())
                .isEqualTo(403);
    }
}
