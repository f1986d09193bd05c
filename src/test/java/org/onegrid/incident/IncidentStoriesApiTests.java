package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/**
 * The three stories of Dongying and Weihai through the API, start to end, each by the demo accounts whose work it is,
 * each ending closed with a history whose hash chain verifies.
 */
@IntegrationTest
class IncidentStoriesApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Dongying.catalog(catalog, staff);
    }

    /**
     * 广饶县大王镇: a resident tells the grid worker about a barbershop's loudspeaker; the grid worker reports it with a
     * photo, settles it on the spot ("小事一格解决") and the community centre records the return call.
     */
    @Test
    void aNoiseComplaintInDawangIsReportedByTheGridWorkerAndResolvedInTheGrid() {
        String grid = staff
                .gridsOf(staff.findByUsername("gridworker").orElseThrow().id())
                .stream()
                .filter(g -> g.duty() == org.onegrid.staff.GridDuty.GRID_WORKER)
                .findFirst()
                .orElseThrow()
                .gridCode();
        var inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        String photo = api.photo("gridworker");

        HttpResponse<String> reported = api.post(
                "gridworker",
                "/api/v1/incidents",
                Map.of(
                        "itemCode",
                        Dongying.NOISE,
                        "text",
                        "理发店门口大喇叭循环播放促销广告，噪音扰民，附近居民反映强烈",
                        "longitude",
                        inside.getX(),
                        "latitude",
                        inside.getY(),
                        "address",
                        "广饶县大王镇花园社区商业街理发店",
                        "reporterName",
                        "刘女士",
                        "reporterPhone",
                        "13805461234",
                        "photoIds",
                        List.of(photo)),
                Map.of("Idempotency-Key", "noise-" + java.util.UUID.randomUUID()));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode incident = Api.json(reported);
        String id = incident.get("id").asString();
        assertThat(incident.get("channel").asString()).isEqualTo("GRID_WORKER");
        assertThat(incident.get("gridCode").asString()).isEqualTo(grid);
        assertThat(incident.get("townCode").asString()).isEqualTo(Dongying.DAWANG);
        assertThat(incident.get("owner").get("level").asString()).isEqualTo("VILLAGE");
        assertThat(incident.get("owner").get("name").asString()).isEqualTo("花园社区综治中心");
        assertThat(incident.get("reporterPhone").asString()).isEqualTo("138****1234");
        assertThat(incident.get("light").asString()).isEqualTo("GREEN");
        assertThat(incident.get("photos")).hasSize(1);

        String after = api.photo("gridworker");
        api.act("gridworker", id, "resolve", Map.of("comment", "已当面劝说店主关闭门口喇叭，店主承诺不再外放", "photoIds", List.of(after)));
        JsonNode closed = api.act(
                "village.dispatcher", id, "evaluate", Map.of("satisfaction", "SATISFIED", "comment", "回访刘女士：满意"));

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolutionLevel").asString()).isEqualTo("GRID");
        assertThat(closed.get("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(closed.get("light").isNull()).isTrue();
        assertThat(closed.get("photos")).hasSize(2);
        assertThat(actions(api.history("gridworker", id))).containsExactly("REPORT", "RESOLVE_ON_THE_SPOT", "EVALUATE");
        assertThat(api.history("village.dispatcher", id).get("verified").asBoolean())
                .isTrue();
    }

    /**
     * 东营区: fumes from a restaurant outside a residential compound, reported by a resident. The street centre blows
     * the whistle (吹哨报到): 城管执法 leads, 生态环境 reports in and measures; only then can the lead complete; the
     * grid worker verifies on site and the resident is satisfied.
     */
    @Test
    void restaurantFumesAreHandledJointlyByUrbanManagementAndEcologyUnderWhistleBlowing() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DONGYING_DISTRICT, 7);
        String photo = api.photo("resident");
        JsonNode incident = Api.json(api.post(
                "resident",
                "/api/v1/incidents",
                Map.of(
                        "itemCode",
                        Dongying.FUMES,
                        "text",
                        "小区南门外烧烤店油烟直排，住户无法开窗，多次反映未解决",
                        "longitude",
                        spot.lng(),
                        "latitude",
                        spot.lat(),
                        "address",
                        "小区南门外烧烤店",
                        "photoIds",
                        List.of(photo))));
        String id = incident.get("id").asString();
        assertThat(incident.get("channel").asString()).isEqualTo("CITIZEN");
        assertThat(incident.get("owner").get("level").asString()).isEqualTo("TOWN");

        String town = spot.townDispatcher();
        api.act(town, id, "accept", Map.of("comment", "情况属实，予以受理"));
        JsonNode dispatched = api.act(
                town,
                id,
                "dispatch",
                Map.of(
                        "mode", "JOINT",
                        "department", "chengguan",
                        "assisting", List.of("huanbao"),
                        "comment", "吹哨：城管执法牵头，生态环境报到"));
        assertThat(dispatched.get("handling").get("mode").asString()).isEqualTo("JOINT");
        String lead = spot.handler("chengguan");
        String ecology = spot.handler("huanbao");

        api.act(ecology, id, "report-in", Map.of("comment", "收到，即赴现场"));
        api.act(lead, id, "sign", Map.of());
        HttpResponse<String> tooEarly = api.post(
                lead,
                "/api/v1/incidents/" + id + "/complete",
                Map.of("comment", "已责令整改", "photoIds", List.of(api.photo(lead))));
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        api.act(ecology, id, "record-part", Map.of("comment", "现场检测油烟排放浓度超标，已出具监测报告"));
        api.act(
                lead,
                id,
                "complete",
                Map.of("comment", "责令安装油烟净化设施并改造排烟管道，已整改到位", "photoIds", List.of(api.photo(lead))));
        api.act(spot.gridWorker(), id, "verify", Map.of("passed", true, "comment", "现场复核无油烟直排"));
        JsonNode closed = api.act("resident", id, "evaluate", Map.of("satisfaction", "SATISFIED"));

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolutionLevel").asString()).isEqualTo("TOWN");
        JsonNode assist = closed.get("handling").get("assisting").get(0);
        assertThat(assist.get("part").asString()).contains("监测报告");
        assertThat(assist.get("department").get("name").asString()).contains("生态环境");
        assertThat(closed.get("handling").get("lead").get("name").asString()).contains("城管执法");
        assertThat(actions(closed.get("history")))
                .containsExactly(
                        "REPORT",
                        "ACCEPT",
                        "DISPATCH",
                        "REPORT_IN",
                        "SIGN",
                        "RECORD_PART",
                        "COMPLETE",
                        "VERIFY_PASS",
                        "EVALUATE");
        assertThat(api.history("resident", id).get("verified").asBoolean()).isTrue();
    }

    /**
     * 东营区: a broken handrail that keeps a wheelchair user indoors, phoned in to 12345. The community cannot fix it
     * and escalates to the street, the street to the district centre, which sends 住建 with the grid worker
     * supervising (双派单); fixed and verified within 12 natural hours, and the district records the return call.
     */
    @Test
    void aBrokenHandrailIsEscalatedFromTheCommunityToTheDistrictAndFixedWithinTwelveHours() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DONGYING_DISTRICT, 11);
        long gridWorkerId =
                staff.findByUsername(spot.gridWorker()).orElseThrow().id();
        HttpResponse<String> phoned = api.post(
                "city.dispatcher",
                "/api/v1/incidents",
                Map.of(
                        "itemCode", Dongying.HANDRAIL,
                        "channel", "HOTLINE",
                        "text", "小区3号楼单元无障碍坡道扶手断裂，轮椅住户无法出行，请尽快维修",
                        "address", "东营区某社区3号楼",
                        "gridCode", spot.grid(),
                        "reporterName", "王先生（住户家属）",
                        "reporterPhone", "13954600001"));
        assertThat(phoned.statusCode()).as(phoned.body()).isEqualTo(201);
        JsonNode incident = Api.json(phoned);
        String id = incident.get("id").asString();
        Instant reportedAt = Instant.parse(incident.get("reportedAt").asString());
        assertThat(incident.get("owner").get("level").asString()).isEqualTo("VILLAGE");
        assertThat(incident.get("terms").get("handle").get("mode").asString()).isEqualTo("NATURAL");

        api.act(spot.villageDispatcher(), id, "accept", Map.of("comment", "予以受理"));
        JsonNode toTown = api.act(spot.villageDispatcher(), id, "escalate", Map.of("comment", "社区无维修资金和施工力量"));
        assertThat(toTown.get("owner").get("level").asString()).isEqualTo("TOWN");
        JsonNode toDistrict = api.act(spot.townDispatcher(), id, "escalate", Map.of("comment", "需区住建部门连夜维修"));
        assertThat(toDistrict.get("owner").get("level").asString()).isEqualTo("COUNTY");
        JsonNode dispatched = api.act(
                "dongying.dispatcher",
                id,
                "dispatch",
                Map.of(
                        "mode", "DUAL",
                        "department", "zhujian",
                        "supervisorUserId", gridWorkerId,
                        "comment", "双派单：住建维修，网格员现场督办"));
        Instant deadline = Instant.parse(dispatched.get("stage").get("deadline").asString());
        assertThat(Duration.between(
                        Instant.parse(
                                dispatched.get("handling").get("dispatchedAt").asString()),
                        deadline))
                .isEqualTo(Duration.ofHours(12));

        String housing = spot.handler("zhujian");
        api.act(housing, id, "sign", Map.of());
        api.act(
                housing,
                id,
                "complete",
                Map.of("comment", "已更换不锈钢扶手并加固基座", "photoIds", List.of(api.photo(housing), api.photo(housing))));
        api.act(spot.gridWorker(), id, "verify", Map.of("passed", true, "comment", "扶手牢固，住户已可出行"));
        JsonNode closed = api.act(
                "dongying.dispatcher", id, "evaluate", Map.of("satisfaction", "SATISFIED", "comment", "回访王先生：满意"));

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolutionLevel").asString()).isEqualTo("COUNTY");
        assertThat(closed.get("counts").get("escalations").asInt()).isEqualTo(2);
        assertThat(closed.get("counts").get("overdues").asInt()).isZero();
        assertThat(closed.get("reporterPhone").asString()).isEqualTo("139****0001");
        assertThat(Duration.between(
                        reportedAt, Instant.parse(closed.get("closedAt").asString())))
                .isLessThan(Duration.ofHours(12));
        assertThat(actions(closed.get("history")))
                .containsExactly(
                        "REPORT",
                        "ACCEPT",
                        "ESCALATE",
                        "ESCALATE",
                        "DISPATCH",
                        "SIGN",
                        "COMPLETE",
                        "VERIFY_PASS",
                        "EVALUATE");
        assertThat(api.history("dongying.dispatcher", id).get("verified").asBoolean())
                .isTrue();
    }

    static List<String> actions(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.get("entries").forEach(e -> out.add(e.get("action").asString()));
        return out;
    }
}
