package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.integration.open311.Open311Http.children;
import static org.onegrid.integration.open311.Open311Http.elements;
import static org.onegrid.integration.open311.Open311Http.fieldNames;
import static org.onegrid.integration.open311.Open311Http.json;
import static org.onegrid.integration.open311.Open311Http.text;
import static org.onegrid.integration.open311.Open311Http.xml;

import java.net.http.HttpResponse;
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
 * POST a service request (GeoReport v2): a client with its API key reports for a resident, the incident loop takes it
 * as a resident's report, a retry creates nothing new, and every malformed request or bad key is refused with the
 * specification's error array and leaves no incident behind.
 */
@IntegrationTest
class GeoReportPostingTests {

    /** 无障碍设施损坏: asks for the broken facility (required) and the floor. */
    static final String HANDRAIL = "MSFW-001";

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
        spot = Spot.of(grids, Spot.DONGYING_DISTRICT, 3);
        apiKey = http.issueKey("东营掌上办 " + UUID.randomUUID());
    }

    List<String[]> handrail(String description) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"api_key", apiKey});
        fields.add(new String[] {"service_code", HANDRAIL});
        fields.add(new String[] {"lat", String.valueOf(spot.lat())});
        fields.add(new String[] {"long", String.valueOf(spot.lng())});
        fields.add(new String[] {"address_string", "东营区西城街道某小区3号楼"});
        fields.add(new String[] {"first_name", "小明"});
        fields.add(new String[] {"last_name", "王"});
        fields.add(new String[] {"phone", "13954600077"});
        fields.add(new String[] {"email", "wang@example.cn"});
        fields.add(new String[] {"account_id", "u-8812"});
        fields.add(new String[] {"description", description});
        fields.add(new String[] {"media_url", "https://img.example.cn/open311/handrail-8812.jpg"});
        fields.add(new String[] {"attribute[facility]", "handrail"});
        fields.add(new String[] {"attribute[floor]", "3"});
        return fields;
    }

    static List<String[]> without(List<String[]> fields, String name) {
        return fields.stream().filter(f -> !f[0].equals(name)).toList();
    }

    static List<String[]> with(List<String[]> fields, String name, String value) {
        List<String[]> out = new ArrayList<>(without(fields, name));
        out.add(new String[] {name, value});
        return out;
    }

    long incidents() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    @Test
    void aPostedRequestBecomesAResidentsReportWithItsAttributesAndMediaUrlShownOnTheIncident() {
        HttpResponse<String> posted = http.post("/open311/v2/requests.json", handrail("单元门口无障碍坡道扶手断裂，轮椅无法通行"));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode answer = json(posted);
        assertThat(answer.isArray()).isTrue();
        assertThat(answer).hasSize(1);
        assertThat(fieldNames(answer.get(0))).containsExactly("service_request_id", "service_notice", "account_id");
        String id = answer.get(0).get("service_request_id").asString();
        assertThat(trackingCode(answer.get(0))).hasSize(8);
        assertThat(answer.get(0).get("service_notice").asString())
                .contains("综治中心")
                .contains("待受理");
        assertThat(answer.get(0).get("account_id").asString()).isEqualTo("u-8812");

        HttpResponse<String> seen = http.api("city.dispatcher", "GET", "/api/v1/incidents/" + id, null);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        JsonNode incident = json(seen);
        assertThat(incident.get("channel").asString()).isEqualTo("CITIZEN");
        assertThat(incident.get("status").asString()).isEqualTo("REPORTED");
        assertThat(incident.get("itemCode").asString()).isEqualTo(HANDRAIL);
        assertThat(incident.get("gridCode").asString()).isEqualTo(spot.grid());
        assertThat(incident.get("address").asString()).isEqualTo("东营区西城街道某小区3号楼");
        assertThat(incident.get("reporterName").asString()).isEqualTo("王小明");
        assertThat(incident.get("reporterPhone").asString()).isEqualTo("139****0077");
        assertThat(incident.get("text").asString())
                .startsWith("单元门口无障碍坡道扶手断裂，轮椅无法通行")
                .contains("【损坏的设施】扶手")
                .contains("【楼层】3")
                .contains("【图片/视频】https://img.example.cn/open311/handrail-8812.jpg");
    }

    /** A request that names no service: what is wrong is said in the description only. */
    List<String[]> described(String description) {
        List<String[]> fields = new ArrayList<>(handrail(description));
        fields.removeIf(f -> f[0].equals("service_code") || f[0].startsWith("attribute["));
        return fields;
    }

    @Test
    void aRequestWithoutAServiceCodeIsClassifiedFromItsDescriptionAndAwaitsTheCentresConfirmation() {
        HttpResponse<String> posted = http.post("/open311/v2/requests.json", described("楼下饭店排风管对着我家窗户，一股油烟味，开不了窗"));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = json(posted).get(0).get("service_request_id").asString();
        assertThat(json(posted).get(0).get("service_notice").asString()).contains("事项类型按描述判定为“油烟扰民”，待综治中心确认");
        JsonNode incident = json(http.api("city.dispatcher", "GET", "/api/v1/incidents/" + id, null));
        assertThat(incident.get("channel").asString()).isEqualTo("CITIZEN");
        assertThat(incident.get("itemCode").asString()).isEqualTo("CSGL-004");
        assertThat(incident.get("typeUnconfirmed").asBoolean()).isTrue();
        assertThat(incident.get("text").asString())
                .startsWith("楼下饭店排风管对着我家窗户")
                .contains("【图片/视频】https://img.example.cn/open311/handrail-8812.jpg");
        // the client learns the service the platform took it for, as of any request
        JsonNode request =
                json(http.get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(request.get("service_code").asString()).isEqualTo("CSGL-004");
        assertThat(request.get("service_name").asString()).isEqualTo("油烟扰民");
        // what the client sent is kept as sent: no service code
        assertThat(jdbc.sql("SELECT service_code FROM open311_request WHERE incident_id = CAST(:id AS uuid)")
                        .param("id", id)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void aRequestWithoutAServiceCodeOrCoordinatesIsClassifiedWhenTheCityDispatcherPlacesIt() {
        List<String[]> fields = new ArrayList<>(described("小区北门的路灯一到晚上就不亮，黑乎乎的 " + UUID.randomUUID()));
        fields.removeIf(f -> f[0].equals("lat") || f[0].equals("long"));

        HttpResponse<String> posted = http.post("/open311/v2/requests.json", fields);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String token = json(posted).get(0).get("token").asString();
        HttpResponse<String> placed = http.api(
                "city.dispatcher",
                "POST",
                "/api/v1/hotline/orders/OPEN311-" + token + "/placement",
                Map.of("gridCode", spot.grid()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        String id = json(placed).get("incidentId").asString();
        JsonNode incident = json(http.api("city.dispatcher", "GET", "/api/v1/incidents/" + id, null));
        assertThat(incident.get("itemCode").asString()).isEqualTo("CSGL-007");
        assertThat(incident.get("typeUnconfirmed").asBoolean()).isTrue();
        assertThat(incident.get("gridCode").asString()).isEqualTo(spot.grid());
    }

    @Test
    void aPostAskedForInXmlIsAnsweredAsTheSpecificationShowsIt() {
        HttpResponse<String> posted = http.post("/open311/v2/requests.xml", handrail("扶手松动"));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(posted.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Element root = xml(posted).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(children(root)).containsExactly("request");
        Element request = elements(root, "request").get(0);
        assertThat(children(request)).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(UUID.fromString(text(request, "service_request_id"))).isNotNull();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGivesTheSameRequestAndCreatesNoSecondIncident() {
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        HttpResponse<String> first = http.post("/open311/v2/requests.json", handrail("扶手断了"), key);
        long after = incidents();
        HttpResponse<String> again = http.post("/open311/v2/requests.json", handrail("扶手断了"), key);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(json(again).get(0).get("service_request_id").asString())
                .isEqualTo(json(first).get(0).get("service_request_id").asString());
        assertThat(trackingCode(json(again).get(0)))
                .isEqualTo(trackingCode(json(first).get(0)));
        assertThat(incidents()).isEqualTo(after);

        HttpResponse<String> different = http.post("/open311/v2/requests.json", handrail("另一处扶手也断了"), key);
        assertThat(different.statusCode()).isEqualTo(400);
        assertThat(json(different).get(0).get("description").asString()).contains("already used");
        assertThat(incidents()).isEqualTo(after);
    }

    @Test
    void theSameRequestSentAgainWithoutAKeyWithinMinutesIsTakenAsARetry() {
        String text = "扶手断裂 " + UUID.randomUUID();
        HttpResponse<String> first = http.post("/open311/v2/requests.json", handrail(text));
        long after = incidents();
        HttpResponse<String> again = http.post("/open311/v2/requests.xml", handrail(text));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(text(elements(xml(again).getDocumentElement(), "request").get(0), "service_request_id"))
                .isEqualTo(json(first).get(0).get("service_request_id").asString());
        assertThat(incidents()).isEqualTo(after);

        HttpResponse<String> other = http.post("/open311/v2/requests.json", handrail(text + "，另一户"));
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(incidents()).isEqualTo(after + 1);
    }

    @Test
    void malformedRequestsAreRefusedWithTheSpecifiedErrorsAndCreateNoIncident() {
        List<String[]> good = handrail("扶手断裂");
        String tooLong = "长".repeat(4001);
        record Case(String what, List<String[]> fields, int status, String says) {}
        List<Case> cases = List.of(
                new Case(
                        "neither service_code nor description",
                        without(without(good, "service_code"), "description"),
                        400,
                        "service_code was not provided, nor a description"),
                new Case(
                        "no service_code and a blank description",
                        with(described("扶手断裂"), "description", "   "),
                        400,
                        "service_code was not provided, nor a description"),
                new Case(
                        "attributes without a service_code",
                        without(good, "service_code"),
                        400,
                        "attribute[facility] belongs to a service"),
                new Case("unknown service", with(good, "service_code", "NO-SUCH-ITEM"), 404, "was not found"),
                new Case("lat not a number", with(good, "lat", "north"), 400, "lat must be a number"),
                new Case("lat out of range", with(good, "lat", "95.5"), 400, "lat must be a number between -90 and 90"),
                new Case("long out of range", with(good, "long", "-181"), 400, "long must be a number"),
                new Case("long without lat", without(good, "lat"), 400, "lat and long must be sent together"),
                new Case(
                        "no location",
                        without(without(without(good, "lat"), "long"), "address_string"),
                        400,
                        "location was not provided"),
                new Case("outside the city", with(with(good, "lat", "39.9"), "long", "116.4"), 400, "outside"),
                new Case("oversize description", with(good, "description", tooLong), 400, "at most 4000 characters"),
                new Case(
                        "required attribute missing", without(good, "attribute[facility]"), 400, "attribute[facility]"),
                new Case(
                        "attribute value not offered",
                        with(good, "attribute[facility]", "escalator"),
                        400,
                        "must be one of the keys"),
                new Case("attribute not a number", with(good, "attribute[floor]", "three"), 400, "must be a number"),
                new Case(
                        "attribute not of the service",
                        with(good, "attribute[colour]", "red"),
                        400,
                        "is not an attribute"),
                new Case("media_url not a web address", with(good, "media_url", "ftp://x/y.jpg"), 400, "media_url"),
                new Case(
                        "phone not a phone number",
                        with(good, "phone", "call me"),
                        400,
                        "phone must be a phone number"),
                new Case("oversize name", with(good, "first_name", "名".repeat(120)), 400, "first_name and last_name"));
        long before = incidents();
        long posts = posts();
        for (Case c : cases) {
            for (String format : List.of("json", "xml")) {
                HttpResponse<String> refused = http.post("/open311/v2/requests." + format, c.fields());
                assertThat(refused.statusCode())
                        .as(c.what() + ": " + refused.body())
                        .isEqualTo(c.status());
                assertThat(description(refused, format, c.status()))
                        .as(c.what())
                        .contains(c.says());
            }
        }
        assertThat(incidents()).isEqualTo(before);
        assertThat(posts()).isEqualTo(posts);
    }

    @Test
    void aMissingUnknownOrRevokedApiKeyIsForbiddenAndCreatesNoIncident() {
        long before = incidents();
        List<String[]> good = handrail("扶手断裂");
        HttpResponse<String> missing = http.post("/open311/v2/requests.json", without(good, "api_key"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(description(missing, "json", 403)).contains("api_key was not provided");

        HttpResponse<String> unknown = http.post("/open311/v2/requests.xml", with(good, "api_key", "o311_guessed"));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(description(unknown, "xml", 403)).contains("api_key is not valid");

        String revokedKey = http.issueKey("已停用的应用 " + UUID.randomUUID());
        JsonNode listed = json(http.api("admin", "GET", "/api/v1/open311/clients", null));
        long id = listed.get(0).get("id").asLong();
        assertThat(http.api("admin", "POST", "/api/v1/open311/clients/" + id + "/revoke", null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> revoked = http.post("/open311/v2/requests.json", with(good, "api_key", revokedKey));
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(description(revoked, "json", 403)).contains("api_key was revoked");

        assertThat(incidents()).isEqualTo(before);
    }

    long posts() {
        return jdbc.sql("SELECT count(*) FROM open311_request")
                .query(Long.class)
                .single();
    }

    /** The description of the one error of an Open311 error array, checking its shape in either format. */
    /** The tracking code (查询码) a created request's notice tells the resident. */
    static String trackingCode(JsonNode created) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("查询码 ([A-Z0-9]{8})")
                .matcher(created.get("service_notice").asString());
        assertThat(code.find()).as(created.toString()).isTrue();
        return code.group(1);
    }

    static String description(HttpResponse<String> response, String format, int code) {
        if (format.equals("json")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode errors = json(response);
            assertThat(errors.isArray()).as(response.body()).isTrue();
            assertThat(errors).hasSize(1);
            assertThat(fieldNames(errors.get(0))).containsExactly("code", "description");
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(code);
            return errors.get(0).get("description").asString();
        }
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Element root = xml(response).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        assertThat(children(root)).containsExactly("error");
        Element error = elements(root, "error").get(0);
        assertThat(children(error)).containsExactly("code", "description");
        assertThat(text(error, "code")).isEqualTo(String.valueOf(code));
        return text(error, "description");
    }
}
