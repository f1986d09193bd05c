package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.integration.open311.Open311Http.children;
import static org.onegrid.integration.open311.Open311Http.elements;
import static org.onegrid.integration.open311.Open311Http.fieldNames;
import static org.onegrid.integration.open311.Open311Http.json;
import static org.onegrid.integration.open311.Open311Http.text;
import static org.onegrid.integration.open311.Open311Http.xml;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.region.Grids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * What real Open311 clients need to read us: documents they can parse, the proxy's public address, the answers and
 * defaults the specification and its widely used extension give, lengths as people count them, and limits that say
 * when to come back.
 */
@IntegrationTest
class GeoReportForRealClientsTests {

    static final String STREETLIGHT = "CSGL-007";

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    Open311Http http;
    Spot spot;
    String apiKey;

    @BeforeEach
    void setUp() {
        http = new Open311Http(port);
        spot = Spot.of(grids, Spot.DONGYING_DISTRICT, 5);
        apiKey = http.issueKey("东营掌上办 " + UUID.randomUUID());
    }

    List<String[]> streetlight(String description) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"api_key", apiKey});
        fields.add(new String[] {"service_code", STREETLIGHT});
        fields.add(new String[] {"lat", String.valueOf(spot.lat())});
        fields.add(new String[] {"long", String.valueOf(spot.lng())});
        fields.add(new String[] {"description", description});
        return fields;
    }

    String posted(List<String[]> fields) {
        HttpResponse<String> posted = http.post("/open311/v2/requests.json", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return json(posted).get(0).get("service_request_id").asString();
    }

    @Test
    void aStoredDescriptionWithControlCharactersStillGivesXmlEveryClientCanParse() {
        String id = posted(streetlight("路灯不亮 " + UUID.randomUUID()));
        // a row stored before intake refused control characters
        jdbc.sql("UPDATE open311_request SET description = :text WHERE incident_id = :id")
                .param("text", "路灯\u0001不亮\u000B，\uFFFE已三天")
                .param("id", UUID.fromString(id))
                .update();

        HttpResponse<String> one = http.get("/open311/v2/requests/" + id + ".xml");
        HttpResponse<String> list = http.get("/open311/v2/requests.xml?service_request_id=" + id);

        for (HttpResponse<String> answer : List.of(one, list)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            Element request =
                    elements(xml(answer).getDocumentElement(), "request").get(0);
            assertThat(text(request, "description")).isEqualTo("路灯不亮，已三天");
        }
        assertThat(json(http.get("/open311/v2/requests/" + id + ".json"))
                        .get(0)
                        .get("description")
                        .asString())
                .isEqualTo("路灯\u0001不亮\u000B，\uFFFE已三天");
    }

    @Test
    void behindATlsProxyDiscoveryAdvertisesTheAddressClientsReachUsBy() {
        HttpResponse<String> discovery = http.get(
                "/open311/discovery.json",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "wg.dongying.example.cn"));

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(json(discovery).get("endpoints").get(0).get("url").asString())
                .isEqualTo("https://wg.dongying.example.cn/open311/v2");
    }

    @Test
    void aRequestCreatedAtOnceIsAnsweredWithItsIdAndNoToken() {
        HttpResponse<String> posted = http.post("/open311/v2/requests.xml", streetlight("小区北门路灯不亮"));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        Element request = elements(xml(posted).getDocumentElement(), "request").get(0);
        assertThat(children(request)).containsExactly("service_request_id", "service_notice", "account_id");
        String id = text(request, "service_request_id");
        String code = jdbc.sql("SELECT tracking_code FROM incident WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        // the resident still learns the tracking code (查询码) to follow it on the resident pages
        assertThat(text(request, "service_notice")).startsWith("查询码 " + code);
    }

    @Test
    void updatesWithoutAStartDateAreTheLastDaysChanges() {
        String id = posted(streetlight("路灯闪烁 " + UUID.randomUUID()));

        HttpResponse<String> updates = http.get("/open311/v2/servicerequestupdates.json");

        assertThat(updates.statusCode()).as(updates.body()).isEqualTo(200);
        OffsetDateTime dayAgo = OffsetDateTime.now().minus(Duration.ofHours(24)).minusMinutes(1);
        List<String> ids = new ArrayList<>();
        for (JsonNode update : json(updates)) {
            ids.add(update.get("service_request_id").asString());
            assertThat(OffsetDateTime.parse(update.get("updated_datetime").asString()))
                    .isAfter(dayAgo);
        }
        assertThat(ids).contains(id);
    }

    @Test
    void aDescriptionIsMeasuredInCharactersSoThreeThousandEmojiFit() {
        String emoji = "\uD83D\uDCA1".repeat(3000);
        HttpResponse<String> fits = http.post("/open311/v2/requests.json", streetlight(emoji));
        HttpResponse<String> tooLong = http.post("/open311/v2/requests.json", streetlight("灯".repeat(4001)));

        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get(0).get("description").asString()).contains("not 4001");
    }

    @Test
    void aServiceCodeGivenTwiceIsRefusedRatherThanOnePicked() {
        List<String[]> fields = streetlight("路灯不亮");
        fields.add(new String[] {"service_code", "MSFW-001"});

        HttpResponse<String> refused = http.post("/open311/v2/requests.json", fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldNames(json(refused).get(0))).containsExactly("code", "description");
        assertThat(json(refused).get(0).get("description").asString()).contains("service_code was given 2 times");
    }

    @Test
    void aClientOverItsHourlyLimitIsToldWhenToTryAgain() {
        HttpResponse<String> issued =
                http.api("admin", "POST", "/api/v1/open311/clients", Map.of("name", "限流测试", "requestsPerHour", 1));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        apiKey = json(issued).get("apiKey").asString();
        posted(streetlight("路灯不亮 " + UUID.randomUUID()));

        HttpResponse<String> over = http.post("/open311/v2/requests.xml", streetlight("路灯又不亮 " + UUID.randomUUID()));

        assertThat(over.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(text(elements(xml(over).getDocumentElement(), "error").get(0), "code"))
                .isEqualTo("429");
    }

    @Test
    void aCatalogItemSaysWhetherItsReportsMayBePublished() {
        Map<String, Boolean> expected =
                Map.of("CSGL-007", true, "MDJF-001", false, "SHZA-010", false, "GGWS-002", false, "GGWS-008", true);
        expected.forEach((code, published) -> {
            HttpResponse<String> item = http.api("city.dispatcher", "GET", "/api/v1/catalog/items/" + code, null);
            assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
            assertThat(json(item).get("published").asBoolean()).as(code).isEqualTo(published);
        });
    }

    @Test
    void aReportOfAPersonalItemStaysOffThePublicListAndShowsNoTextOrPlace() {
        List<String[]> dispute = new ArrayList<>(streetlight("楼上漏水，邻居张三不肯维修，电话13954600078"));
        dispute.removeIf(f -> f[0].equals("service_code"));
        dispute.add(new String[] {"service_code", "MDJF-001"});
        String id = posted(dispute);

        HttpResponse<String> list = http.get("/open311/v2/requests.json?service_code=MDJF-001");
        HttpResponse<String> one = http.get("/open311/v2/requests/" + id + ".json");
        HttpResponse<String> updates = http.get("/open311/v2/servicerequestupdates.json");

        assertThat(list.body()).doesNotContain(id).doesNotContain("漏水");
        JsonNode request = json(one).get(0);
        assertThat(request.get("status").asString()).isEqualTo("open");
        for (String withheld : List.of("description", "address", "lat", "long", "media_url")) {
            assertThat(request.get(withheld).isNull()).as(withheld).isTrue();
        }
        assertThat(updates.body()).doesNotContain("漏水").doesNotContain("13954600078");
    }

    @Test
    void publishedTextHasPhoneAndIdNumbersMasked() {
        String id = posted(streetlight("路灯坏了，请联系13812345678 或 0546-8881234，身份证370502199001011234"));

        String description = json(http.get("/open311/v2/requests/" + id + ".json"))
                .get(0)
                .get("description")
                .asString();

        assertThat(description).isEqualTo("路灯坏了，请联系138****5678 或 0546-***1234，身份证3****************4");
    }

    @Test
    void aRequestWithOnlyAnAddressWaitsInThePlacementQueueUntilACityDispatcherPlacesIt() {
        List<String[]> fields = new ArrayList<>(streetlight("小区北门路灯不亮 " + UUID.randomUUID()));
        fields.removeIf(f -> f[0].equals("lat") || f[0].equals("long"));
        fields.add(new String[] {"address_string", "东营区西城街道某小区北门"});
        fields.add(new String[] {"phone", "13954600079"});

        HttpResponse<String> posted = http.post("/open311/v2/requests.xml", fields);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        Element answer = elements(xml(posted).getDocumentElement(), "request").get(0);
        assertThat(children(answer)).containsExactly("token", "service_notice", "account_id");
        String token = text(answer, "token");
        JsonNode waiting =
                json(http.get("/open311/v2/tokens/" + token + ".json")).get(0);
        assertThat(waiting.get("service_request_id").isNull()).isTrue();
        assertThat(waiting.get("token").asString()).isEqualTo(token);

        String orderId = "OPEN311-" + token;
        HttpResponse<String> queue = http.api("city.dispatcher", "GET", "/api/v1/hotline/orders", null);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        JsonNode queued = null;
        for (JsonNode order : json(queue)) {
            if (order.get("orderId").asString().equals(orderId)) {
                queued = order;
            }
        }
        assertThat(queued).as(queue.body()).isNotNull();
        assertThat(queued.get("source").asString()).isEqualTo("OPEN311");
        assertThat(queued.get("address").asString()).isEqualTo("东营区西城街道某小区北门");
        assertThat(queued.get("callerPhone").asString()).isEqualTo("139****0079");

        HttpResponse<String> placed = http.api(
                "city.dispatcher",
                "POST",
                "/api/v1/hotline/orders/" + orderId + "/placement",
                Map.of("gridCode", spot.grid()));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        String id = json(placed).get("incidentId").asString();
        assertThat(json(http.get("/open311/v2/tokens/" + token + ".json"))
                        .get(0)
                        .get("service_request_id")
                        .asString())
                .isEqualTo(id);
        JsonNode incident = json(http.api("city.dispatcher", "GET", "/api/v1/incidents/" + id, null));
        assertThat(incident.get("channel").asString()).isEqualTo("CITIZEN");
        assertThat(incident.get("gridCode").asString()).isEqualTo(spot.grid());
        assertThat(incident.get("address").asString()).isEqualTo("东营区西城街道某小区北门");
        assertThat(incident.get("reporterPhone").asString()).isEqualTo("139****0079");
        assertThat(json(http.get("/open311/v2/requests/" + id + ".json"))
                        .get(0)
                        .get("description")
                        .asString())
                .startsWith("小区北门路灯不亮");
        // an Open311 request is no hotline order: nothing goes back to the hotline about it
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE subject = :order")
                        .param("order", orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aResidentsFollowUpLandsOnTheIncidentsHistoryAsASupplement() {
        String id = posted(streetlight("路灯不亮 " + UUID.randomUUID()));
        List<String[]> update = new ArrayList<>();
        update.add(new String[] {"api_key", apiKey});
        update.add(new String[] {"service_request_id", id});
        update.add(new String[] {"update_id", "fms-" + UUID.randomUUID()});
        update.add(new String[] {"updated_datetime", "2026-11-23T14:00:00+08:00"});
        update.add(new String[] {"status", "OPEN"});
        update.add(new String[] {"description", "补充：灯杆编号 A-12，晚上七点后不亮"});

        HttpResponse<String> posted = http.post("/open311/v2/servicerequestupdates.json", update);
        HttpResponse<String> again = http.post("/open311/v2/servicerequestupdates.xml", update);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(fieldNames(json(posted).get(0))).containsExactly("update_id");
        String updateId = json(posted).get(0).get("update_id").asString();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(text(
                        elements(xml(again).getDocumentElement(), "request_update")
                                .get(0),
                        "update_id"))
                .isEqualTo(updateId);
        JsonNode history = json(http.api("city.dispatcher", "GET", "/api/v1/incidents/" + id + "/history", null))
                .get("entries");
        List<JsonNode> supplements = new ArrayList<>();
        history.forEach(entry -> {
            if (entry.get("action").asString().equals("SUPPLEMENT")) {
                supplements.add(entry);
            }
        });
        assertThat(supplements).singleElement().satisfies(entry -> {
            assertThat(entry.get("actionLabel").asString()).isEqualTo("补充说明");
            assertThat(entry.get("comment").asString()).isEqualTo("补充：灯杆编号 A-12，晚上七点后不亮");
            assertThat(updateId).isEqualTo(id + "-" + entry.get("sequence").asLong());
        });

        String otherKey = http.issueKey("另一个接入系统 " + UUID.randomUUID());
        List<String[]> stranger = new ArrayList<>(update);
        stranger.set(0, new String[] {"api_key", otherKey});
        stranger.set(2, new String[] {"update_id", "other-" + UUID.randomUUID()});
        assertThat(http.post("/open311/v2/servicerequestupdates.json", stranger).statusCode())
                .isEqualTo(404);
    }
}
