package org.onegrid.integration.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.integration.open311.GeoReportPostingTests.description;
import static org.onegrid.integration.open311.Open311Http.children;
import static org.onegrid.integration.open311.Open311Http.elements;
import static org.onegrid.integration.open311.Open311Http.fieldNames;
import static org.onegrid.integration.open311.Open311Http.json;
import static org.onegrid.integration.open311.Open311Http.text;
import static org.onegrid.integration.open311.Open311Http.xml;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * Reading Open311 GeoReport v2: discovery, the services with their definitions, the service requests (residents'
 * reports, with the specification's fields and nothing of the people involved), tokens, and the refusals of
 * queries the specification does not allow.
 */
@IntegrationTest
class GeoReportReadingTests {

    static final List<String> SERVICE_FIELDS =
            List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    static final List<String> ATTRIBUTE_FIELDS = List.of(
            "variable", "code", "datatype", "required", "datatype_description", "order", "description", "values");
    static final List<String> REQUEST_FIELDS = List.of(
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "address_id",
            "zipcode",
            "lat",
            "long",
            "media_url");

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Catalog catalog;

    @Autowired
    Staff staff;

    @Autowired
    IncidentApi incidents;

    Open311Http http;
    Spot spot;
    String apiKey;

    @BeforeEach
    void setUp() {
        http = new Open311Http(port);
        spot = Spot.of(grids, Spot.DONGYING_DISTRICT, 5);
        apiKey = http.issueKey("随手拍小程序 " + UUID.randomUUID());
    }

    String post(String description) {
        List<String[]> fields = new ArrayList<>(List.of(
                new String[] {"api_key", apiKey},
                new String[] {"service_code", GeoReportPostingTests.HANDRAIL},
                new String[] {"lat", String.valueOf(spot.lat())},
                new String[] {"long", String.valueOf(spot.lng())},
                new String[] {"address_string", "东营区某社区5号楼"},
                new String[] {"first_name", "建国"},
                new String[] {"last_name", "赵"},
                new String[] {"phone", "13805460199"},
                new String[] {"description", description},
                new String[] {"media_url", "https://img.example.cn/p/5.jpg"},
                new String[] {"attribute[facility]", "ramp"}));
        HttpResponse<String> posted = http.post("/open311/v2/requests.json", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return json(posted).get(0).get("service_request_id").asString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void discoveryNamesTheGeoReportEndpointInBothFormats() {
        HttpResponse<String> asJson = http.get("/open311/discovery.json");
        assertThat(asJson.statusCode()).isEqualTo(200);
        JsonNode discovery = json(asJson);
        assertThat(fieldNames(discovery)).containsExactly("changeset", "contact", "key_service", "endpoints");
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(fieldNames(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).isEqualTo("http://localhost:" + port + "/open311/v2");
        assertThat(endpoint.get("type").asString()).isEqualTo("production");
        assertThat(endpoint.get("formats").get(0).asString()).isEqualTo("text/xml");
        assertThat(endpoint.get("formats").get(1).asString()).isEqualTo("application/json");

        HttpResponse<String> asXml = http.get("/open311/discovery.xml");
        Element root = xml(asXml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("discovery");
        assertThat(children(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element xmlEndpoint =
                elements(elements(root, "endpoints").get(0), "endpoint").get(0);
        assertThat(children(xmlEndpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(children(elements(xmlEndpoint, "formats").get(0))).containsExactly("format", "format");
    }

    @Test
    void servicesAreTheCatalogsOfferedItemsWithTheSpecificationsFields() {
        StaffPrincipal admin = staff.principal(
                        staff.findByUsername("admin").orElseThrow().id())
                .orElseThrow();
        String withdrawn =
                "O311-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        catalog.createItem(
                withdrawn,
                new CatalogItemDraft(
                        "MSFW",
                        "已停办的事项",
                        null,
                        List.of("zhujian"),
                        HandlingLevel.VILLAGE,
                        StageLimit.workingHours(2),
                        StageLimit.workingHours(16),
                        StageLimit.workingHours(8),
                        false,
                        false,
                        false,
                        List.of(),
                        List.of(new AttributeDefinition("size", "大小", "number", false, List.of())),
                        null),
                admin);
        catalog.setItemActive(withdrawn, false, admin);

        HttpResponse<String> asJson = http.get("/open311/v2/services.json");
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(asJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode services = json(asJson);
        assertThat(services.size()).isGreaterThan(100);
        List<String> codes = new ArrayList<>();
        for (JsonNode service : services) {
            assertThat(fieldNames(service)).containsExactlyElementsOf(SERVICE_FIELDS);
            assertThat(service.get("type").asString()).isEqualTo("realtime");
            codes.add(service.get("service_code").asString());
        }
        assertThat(codes).contains("MSFW-001", "CSGL-004").doesNotContain(withdrawn);
        JsonNode handrail = find(services, "MSFW-001");
        assertThat(handrail.get("service_name").asString()).isEqualTo("无障碍设施损坏");
        assertThat(handrail.get("metadata").asBoolean()).isTrue();
        assertThat(handrail.get("group").asString()).isEqualTo("民生服务");
        assertThat(find(services, "CSGL-007").get("metadata").asBoolean()).isFalse();

        Element root = xml(http.get("/open311/v2/services.xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        List<Element> xmlServices = elements(root, "service");
        assertThat(xmlServices).hasSize(services.size());
        for (Element service : xmlServices) {
            assertThat(children(service)).containsExactlyElementsOf(SERVICE_FIELDS);
        }
        assertThat(description(http.get("/open311/v2/services/" + withdrawn + ".json"), "json", 404))
                .contains("was not found");
    }

    static JsonNode find(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (service.get("service_code").asString().equals(code)) {
                return service;
            }
        }
        throw new AssertionError("no service " + code);
    }

    @Test
    void aServiceDefinitionListsTheAttributesAReportAsksFor() {
        HttpResponse<String> asJson = http.get("/open311/v2/services/MSFW-001.json");
        assertThat(asJson.statusCode()).isEqualTo(200);
        JsonNode definition = json(asJson);
        assertThat(fieldNames(definition)).containsExactly("service_code", "attributes");
        assertThat(definition.get("service_code").asString()).isEqualTo("MSFW-001");
        JsonNode facility = definition.get("attributes").get(0);
        assertThat(fieldNames(facility)).containsExactlyElementsOf(ATTRIBUTE_FIELDS);
        assertThat(facility.get("variable").asBoolean()).isTrue();
        assertThat(facility.get("code").asString()).isEqualTo("facility");
        assertThat(facility.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(facility.get("required").asBoolean()).isTrue();
        assertThat(facility.get("order").asInt()).isEqualTo(1);
        assertThat(facility.get("description").asString()).isEqualTo("损坏的设施");
        assertThat(fieldNames(facility.get("values").get(0))).containsExactly("key", "name");
        assertThat(facility.get("values").get(0).get("key").asString()).isEqualTo("handrail");
        assertThat(facility.get("values").get(0).get("name").asString()).isEqualTo("扶手");
        JsonNode floor = definition.get("attributes").get(1);
        assertThat(floor.get("datatype").asString()).isEqualTo("number");
        assertThat(floor.get("required").asBoolean()).isFalse();
        assertThat(floor.get("order").asInt()).isEqualTo(2);
        assertThat(floor.get("values")).isEmpty();

        Element root = xml(http.get("/open311/v2/services/MSFW-001.xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(children(root)).containsExactly("service_code", "attributes");
        Element attribute =
                elements(elements(root, "attributes").get(0), "attribute").get(0);
        assertThat(children(attribute)).containsExactlyElementsOf(ATTRIBUTE_FIELDS);
        Element value = elements(elements(attribute, "values").get(0), "value").get(0);
        assertThat(children(value)).containsExactly("key", "name");
        assertThat(text(value, "name")).isEqualTo("扶手");

        assertThat(json(http.get("/open311/v2/services/CSGL-007.json")).get("attributes"))
                .isEmpty();
        assertThat(description(http.get("/open311/v2/services/NO-SUCH.json"), "json", 404))
                .isEqualTo("service_code NO-SUCH was not found");
        assertThat(description(http.get("/open311/v2/services/NO-SUCH.xml"), "xml", 404))
                .isEqualTo("service_code NO-SUCH was not found");
    }

    @Test
    void residentsReportsAreListedWithTheSpecificationsFieldsAndNothingOfThePeopleInvolved() {
        String posted = post("坡道被杂物堵住 " + UUID.randomUUID());
        IncidentApi.Tracked fromPage = incidents.reportAnonymously(
                new ReportIncident(
                        "MSFW-001",
                        "小区门口盲道被占",
                        null,
                        spot.lng(),
                        spot.lat(),
                        "东营区某社区南门",
                        null,
                        "孙女士",
                        "13605461234",
                        null),
                UUID.randomUUID().toString());
        String hotline = incidents
                .report(
                        new ReportIncident(
                                "MSFW-001",
                                "来电反映扶手损坏，来电人李某某",
                                "HOTLINE",
                                null,
                                null,
                                "东营区某社区7号楼",
                                spot.grid(),
                                "李某某",
                                "13905469999",
                                null),
                        null,
                        staff.principal(staff.findByUsername("city.dispatcher")
                                        .orElseThrow()
                                        .id())
                                .orElseThrow())
                .incident()
                .id()
                .toString();
        String ids = posted + "," + fromPage.incident().id() + "," + hotline + ",not-an-id";

        HttpResponse<String> asJson = http.get("/open311/v2/requests.json?service_request_id=" + encode(ids));
        assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(200);
        JsonNode requests = json(asJson);
        assertThat(requests).hasSize(2);
        for (JsonNode request : requests) {
            assertThat(fieldNames(request)).containsExactlyElementsOf(REQUEST_FIELDS);
        }
        JsonNode mine =
                requests.get(0).get("service_request_id").asString().equals(posted) ? requests.get(0) : requests.get(1);
        assertThat(mine.get("status").asString()).isEqualTo("open");
        assertThat(mine.get("status_notes").asString()).isEqualTo("待受理");
        assertThat(mine.get("service_code").asString()).isEqualTo("MSFW-001");
        assertThat(mine.get("service_name").asString()).isEqualTo("无障碍设施损坏");
        assertThat(mine.get("description").asString()).startsWith("坡道被杂物堵住");
        assertThat(mine.get("agency_responsible").asString()).endsWith("综治中心");
        assertThat(mine.get("media_url").asString()).isEqualTo("https://img.example.cn/p/5.jpg");
        assertThat(mine.get("address").asString()).isEqualTo("东营区某社区5号楼");
        assertThat(mine.get("lat").asDouble()).isEqualTo(spot.lat());
        assertThat(mine.get("long").asDouble()).isEqualTo(spot.lng());
        assertThat(Instant.parse(mine.get("requested_datetime").asString()))
                .isAfter(Instant.now().minusSeconds(600));
        assertThat(mine.get("requested_datetime").asString()).endsWith("+08:00");
        assertThat(mine.get("expected_datetime").asString()).isNotEmpty();
        assertThat(mine.get("address_id").isNull()).isTrue();
        assertThat(asJson.body()).doesNotContain("赵建国", "建国", "13805460199", "孙女士", "13605461234", "李某某", "来电");

        HttpResponse<String> asXml = http.get("/open311/v2/requests.xml?service_request_id=" + encode(ids));
        Element root = xml(asXml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(elements(root, "request")).hasSize(2);
        for (Element request : elements(root, "request")) {
            assertThat(children(request)).containsExactlyElementsOf(REQUEST_FIELDS);
        }
        assertThat(asXml.body()).doesNotContain("孙女士", "13605461234", "李某某");

        assertThat(description(http.get("/open311/v2/requests/" + hotline + ".json"), "json", 404))
                .contains("was not found");
    }

    @Test
    void requestsAreFoundByServiceStatusAndTheTimeTheyWereMade() {
        String id = post("坡道塌陷 " + UUID.randomUUID());
        String start = encode(Instant.now()
                .minus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString());

        assertThat(ids("/open311/v2/requests.json?service_code=MSFW-001,CSGL-004&status=open&start_date=" + start))
                .contains(id);
        assertThat(ids("/open311/v2/requests.json?service_code=CSGL-004&start_date=" + start))
                .doesNotContain(id);
        assertThat(ids("/open311/v2/requests.json?status=closed&start_date=" + start))
                .doesNotContain(id);
        assertThat(ids("/open311/v2/requests.json?status=open,closed")).contains(id);
        assertThat(ids("/open311/v2/requests.json")).contains(id);
        String tomorrow = encode(Instant.now()
                .plus(Duration.ofDays(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString());
        assertThat(ids("/open311/v2/requests.json?start_date=" + tomorrow)).doesNotContain(id);

        JsonNode one = json(http.get("/open311/v2/requests/" + id + ".json"));
        assertThat(one).hasSize(1);
        assertThat(fieldNames(one.get(0))).containsExactlyElementsOf(REQUEST_FIELDS);
        Element root = xml(http.get("/open311/v2/requests/" + id + ".xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(text(elements(root, "request").get(0), "service_request_id")).isEqualTo(id);
    }

    List<String> ids(String path) {
        HttpResponse<String> r = http.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json(r).forEach(request -> out.add(request.get("service_request_id").asString()));
        return out;
    }

    @Test
    void queriesTheSpecificationDoesNotAllowAreRefused() {
        Map<String, String> refusals = Map.of(
                "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z",
                "at most 90 days",
                "/open311/v2/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z",
                "must not be before",
                "/open311/v2/requests.json?start_date=yesterday",
                "start_date must be a W3C date-time",
                "/open311/v2/requests.json?status=pending",
                "status must be open or closed",
                "/open311/v2/servicerequestupdates.json?start_date=2025-01-01T00:00:00%2B08:00",
                "at most 90 days");
        refusals.forEach((path, says) -> {
            assertThat(description(http.get(path), "json", 400)).as(path).contains(says);
            assertThat(description(http.get(path.replace(".json", ".xml")), "xml", 400))
                    .as(path)
                    .contains(says);
        });
        assertThat(description(http.get("/open311/v2/services.csv"), "xml", 404))
                .contains("not served");
    }

    @Test
    void anUnknownServiceRequestIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(description(http.get("/open311/v2/requests/" + unknown + ".json"), "json", 404))
                .isEqualTo("service_request_id " + unknown + " was not found");
        assertThat(description(http.get("/open311/v2/requests/" + unknown + ".xml"), "xml", 404))
                .isEqualTo("service_request_id " + unknown + " was not found");
        assertThat(description(http.get("/open311/v2/requests/12345.xml"), "xml", 404))
                .contains("was not found");
    }

    @Test
    void theTokenOfAPostedRequestLeadsToItsServiceRequestId() {
        HttpResponse<String> posted = http.post(
                "/open311/v2/requests.json",
                List.of(
                        new String[] {"api_key", apiKey},
                        new String[] {"service_code", "CSGL-007"},
                        new String[] {"lat", String.valueOf(spot.lat())},
                        new String[] {"long", String.valueOf(spot.lng())},
                        new String[] {"description", "路灯不亮 " + UUID.randomUUID()}));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = json(posted).get(0).get("service_request_id").asString();
        String token = GeoReportPostingTests.trackingCode(json(posted).get(0));

        JsonNode byToken = json(http.get("/open311/v2/tokens/" + token + ".json"));
        assertThat(fieldNames(byToken.get(0))).containsExactly("service_request_id", "token");
        assertThat(byToken.get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(byToken.get(0).get("token").asString()).isEqualTo(token);
        Element request = elements(
                        xml(http.get("/open311/v2/tokens/" + token.toLowerCase() + ".xml"))
                                .getDocumentElement(),
                        "request")
                .get(0);
        assertThat(children(request)).containsExactly("service_request_id", "token");
        assertThat(text(request, "service_request_id")).isEqualTo(id);

        assertThat(description(http.get("/open311/v2/tokens/ZZZZZZZZ.json"), "json", 404))
                .contains("token ZZZZZZZZ was not found");
    }
}
