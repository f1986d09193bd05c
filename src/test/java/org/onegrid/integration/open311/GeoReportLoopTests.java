package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.integration.open311.Open311Http.children;
import static org.onegrid.integration.open311.Open311Http.elements;
import static org.onegrid.integration.open311.Open311Http.fieldNames;
import static org.onegrid.integration.open311.Open311Http.json;
import static org.onegrid.integration.open311.Open311Http.text;
import static org.onegrid.integration.open311.Open311Http.xml;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * A service request from an Open311 client goes through the incident loop like any resident's report: the community
 * centre accepts it, 住建 fixes it, the grid worker verifies it, and the client sees it closed, with the result, in
 * GET requests and in the servicerequestupdates feed.
 */
@IntegrationTest
class GeoReportLoopTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Test
    void aServiceRequestTakenThroughTheIncidentLoopIsSeenClosedInRequestsAndInUpdates() {
        Open311Http http = new Open311Http(port);
        Spot spot = Spot.of(grids, Spot.DONGYING_DISTRICT, 9);
        String apiKey = http.issueKey("东营掌上办 " + UUID.randomUUID());
        String since =
                Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> posted = http.post(
                "/open311/v2/requests.json",
                List.of(
                        new String[] {"api_key", apiKey},
                        new String[] {"service_code", "MSFW-001"},
                        new String[] {"lat", String.valueOf(spot.lat())},
                        new String[] {"long", String.valueOf(spot.lng())},
                        new String[] {"description", "楼前无障碍扶手断裂，老人出行困难"},
                        new String[] {"media_url", "https://img.example.cn/p/loop.jpg"},
                        new String[] {"attribute[facility]", "handrail"}));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = json(posted).get(0).get("service_request_id").asString();

        http.act(spot.villageDispatcher(), id, "accept", Map.of("comment", "予以受理"));
        JsonNode dispatched = http.act(
                spot.villageDispatcher(),
                id,
                "dispatch",
                Map.of("mode", "SINGLE", "department", "zhujian", "comment", "请住建部门维修"));
        String department = dispatched.get("handling").get("lead").get("name").asString();
        JsonNode open = json(http.get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("status_notes").asString()).isEqualTo("已派遣");
        assertThat(open.get("agency_responsible").asString())
                .isEqualTo(department)
                .contains("住");
        assertThat(Instant.parse(open.get("expected_datetime").asString()))
                .isEqualTo(Instant.parse(dispatched.get("stage").get("deadline").asString())
                        .truncatedTo(ChronoUnit.SECONDS));

        String housing = spot.handler("zhujian");
        http.act(housing, id, "sign", Map.of());
        http.act(housing, id, "complete", Map.of("comment", "已更换不锈钢扶手并加固", "photoIds", List.of(http.photo(housing))));
        JsonNode closed = http.act(spot.gridWorker(), id, "verify", Map.of("passed", true, "comment", "扶手牢固"));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        JsonNode request =
                json(http.get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(request.get("status").asString()).isEqualTo("closed");
        assertThat(request.get("status_notes").asString()).isEqualTo("已更换不锈钢扶手并加固");
        assertThat(request.get("agency_responsible").asString()).isEqualTo(department);
        assertThat(Instant.parse(request.get("updated_datetime").asString()))
                .isEqualTo(Instant.parse(closed.get("closedAt").asString()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(request.get("expected_datetime").isNull()).isTrue();
        assertThat(request.get("service_notice").isNull()).isTrue();
        assertThat(json(http.get("/open311/v2/requests.json?status=closed&service_request_id=" + id)))
                .hasSize(1);
        assertThat(ids(http, "/open311/v2/requests.json?status=closed&start_date=" + encode(since)))
                .contains(id);
        assertThat(ids(http, "/open311/v2/requests.json?status=open&start_date=" + encode(since)))
                .doesNotContain(id);

        HttpResponse<String> updates = http.get("/open311/v2/servicerequestupdates.json?start_date=" + encode(since));
        assertThat(updates.statusCode()).as(updates.body()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode update : json(updates)) {
            assertThat(fieldNames(update))
                    .containsExactly(
                            "update_id",
                            "service_request_id",
                            "status",
                            "updated_datetime",
                            "description",
                            "media_url");
            if (update.get("service_request_id").asString().equals(id)) {
                mine.add(update);
            }
        }
        assertThat(mine.stream().map(u -> u.get("status").asString()))
                .containsExactly("open", "open", "open", "open", "open", "closed");
        assertThat(mine.get(0).get("update_id").asString()).isEqualTo(id + "-1");
        assertThat(mine.get(0).get("media_url").asString()).isEqualTo("https://img.example.cn/p/loop.jpg");
        assertThat(mine.get(5).get("description").asString())
                .startsWith("核查通过：已结案")
                .contains("已更换不锈钢扶手并加固");
        assertThat(updates.body()).doesNotContain("扶手牢固", "予以受理", "请住建部门维修");

        HttpResponse<String> asXml = http.get("/open311/v2/servicerequestupdates.xml?start_date=" + encode(since));
        Element root = xml(asXml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_request_updates");
        List<Element> xmlUpdates = elements(root, "request_update");
        assertThat(xmlUpdates).isNotEmpty();
        for (Element update : xmlUpdates) {
            assertThat(children(update))
                    .containsExactly(
                            "update_id",
                            "service_request_id",
                            "status",
                            "updated_datetime",
                            "description",
                            "media_url");
        }
        assertThat(xmlUpdates.stream()
                        .filter(u -> text(u, "update_id").equals(id + "-6"))
                        .map(u -> text(u, "status")))
                .containsExactly("closed");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<String> ids(Open311Http http, String path) {
        HttpResponse<String> r = http.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json(r).forEach(request -> out.add(request.get("service_request_id").asString()));
        return out;
    }
}
