package org.onegrid.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.dispute.Mediation.body;
import static org.onegrid.dispute.Mediation.organisation;
import static org.onegrid.dispute.Mediation.person;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.casework.attach.Attachments;
import org.onegrid.dispute.Mediation.Client;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The four seed stories of issue 15, each driven through the API to its end and checked against its hash-chained
 * history: a court's pre-suit delegation in Zibo, a traffic accident at the professional committee, 200 households'
 * demolition compensation escalated from the town to the county, and Tieling's water leak in the village.
 */
@IntegrationTest
class DisputeStoriesApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Regions regions;

    @Autowired
    Staff staff;

    @Autowired
    Organisations organisations;

    @Autowired
    Attachments attachments;

    RegionView town;
    RegionView village;

    @BeforeEach
    void theDemoCitysDawangTown() {
        town = Mediation.town(regions);
        village = Mediation.village(regions);
    }

    static String ago(Duration d) {
        return Instant.now().minus(d).toString();
    }

    static Map<String, Object> session(String place, String attendees, String minutes) {
        return Map.of(
                "heldAt", ago(Duration.ofMinutes(30)), "place", place, "attendees", attendees, "minutes", minutes);
    }

    @Test
    void zibosEighteenYearLeaseDisputeDelegatedByTheCourtIsAgreedConfirmedAndPerformed() {
        Client desk = Client.as(port, "dawang.dispatcher");
        Client mediator = Client.as(port, "mediator");
        long mediatorId = staff.findByUsername("mediator").orElseThrow().id();

        Map<String, Object> intake = new HashMap<>();
        intake.put("source", "COURT");
        intake.put("courtCaseNumber", "（2026）鲁0523民诉前调1808号");
        intake.put("typeCode", "MDJF-011");
        intake.put("facts", "2008年起承租村集体厂房，租期十八年，双方就租金调整和到期腾退发生争议，承租方起诉至法院，法院诉前委派调解");
        intake.put("amount", 186000);
        intake.put("risk", "MEDIUM");
        intake.put("regionCode", village.code());
        intake.put("body", body("TOWN_COMMITTEE"));
        intake.put("parties", List.of(person("APPLICANT", "马德福", 11), organisation("RESPONDENT", "王家村股份经济合作社", 12)));
        JsonNode d = desk.ok(201, "/api/v1/disputes", intake);
        String id = d.get("id").asString();
        assertThat(d.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(d.get("sourceLabel").asString()).isEqualTo("法院诉前委派");
        assertThat(d.get("body").get("name").asString()).isEqualTo(town.name() + "人民调解委员会");
        assertThat(d.get("parties").get(0).get("name").asString()).isEqualTo("马**");
        assertThat(d.get("parties").get(0).get("identity").asString())
                .startsWith("370")
                .contains("*");

        desk.act(id, "accept", Map.of());
        JsonNode assigned = desk.act(id, "assign", Map.of("mediatorId", mediatorId));
        assertThat(assigned.get("deadline").asString()).isNotBlank();
        mediator.act(id, "sessions", session("大王镇老马调解室", "马德福、村股份经济合作社理事长", "双方陈述意见，对租金标准分歧较大，约定一周后再调"));
        mediator.act(id, "sessions", session("大王镇老马调解室", "马德福、合作社理事长、法院法官", "经背靠背调解，双方同意按评估价调整租金并分期腾退"));
        JsonNode agreed = mediator.act(
                id,
                "agree",
                Map.of(
                        "facts",
                        "双方租赁合同履行十八年，因租金调整和到期腾退发生争议",
                        "terms",
                        List.of("承租方补缴2020年至2025年租金差额人民币186,000元，分两期付清", "承租方于2026年12月31日前腾退厂房"),
                        "amount",
                        186000,
                        "performBy",
                        LocalDate.now().plusDays(60).toString()));
        assertThat(agreed.get("status").asString()).isEqualTo("AGREED");
        String sha = agreed.get("agreement").get("sha256").asString();

        HttpResponse<String> doc = mediator.get("/api/v1/disputes/" + id + "/agreement");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("人民调解协议书", "申请人：马德福", "被申请人：王家村股份经济合作社", "腾退厂房", "调解员（签名）");
        assertThat(sha256(doc.body())).isEqualTo(sha);
        HttpResponse<String> download = mediator.get("/api/v1/disputes/" + id + "/agreement?download=true");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");

        JsonNode confirmed = desk.act(id, "confirm", Map.of("rulingNumber", "（2026）鲁0523民特88号", "court", "广饶县人民法院"));
        assertThat(confirmed.get("rulingNumber").asString()).isEqualTo("（2026）鲁0523民特88号");
        mediator.act(id, "performance", Map.of("performance", "FULL", "note", "两期租金已付清，厂房已腾退"));
        mediator.act(id, "follow-up", Map.of("satisfaction", "SATISFIED", "note", "双方对结果满意"));
        JsonNode archived = desk.act(id, "archive", Map.of());
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("concludedLevel").asString()).isEqualTo("TOWN");

        assertThat(mediator.verifiedHistory(id))
                .containsExactly(
                        "RECEIVE",
                        "ACCEPT",
                        "ASSIGN",
                        "SESSION",
                        "SESSION",
                        "AGREE",
                        "CONFIRM",
                        "PERFORM",
                        "FOLLOW_UP",
                        "ARCHIVE");
        JsonNode entries = mediator.read("/api/v1/disputes/" + id + "/history").get("entries");
        assertThat(entries.get(5).get("detail").asString()).isEqualTo(doc.body());
    }

    @Test
    void aTrafficAccidentIsSettledByTheProfessionalCommitteeWithThePolicesFindingAttached() {
        String countyMediator =
                Mediation.newAccount(staff, organisations, "jt", Mediation.COUNTY, Set.of(Role.MEDIATOR));
        Client desk = Client.as(port, "guangrao.dispatcher");
        Client mediator = Client.as(port, countyMediator);
        long mediatorId = staff.findByUsername(countyMediator).orElseThrow().id();

        Map<String, Object> intake = new HashMap<>();
        intake.put("source", "WALK_IN");
        intake.put("typeCode", "MDJF-012");
        intake.put("facts", "电动自行车与小型轿车在乐安大街路口相撞，电动车驾驶人腿部骨折，交警认定轿车驾驶人负主要责任，双方就赔偿金额协商未果");
        intake.put("amount", 52000);
        intake.put("risk", "LOW");
        intake.put("regionCode", village.code());
        intake.put("body", Map.of("kind", "PROFESSIONAL_COMMITTEE", "field", "TRAFFIC"));
        intake.put(
                "parties",
                List.of(
                        person("APPLICANT", "刘桂芳", 21),
                        person("RESPONDENT", "孙浩然", 22),
                        organisation("RESPONDENT", "某财产保险股份有限公司广饶支公司", 23)));
        JsonNode d = desk.ok(201, "/api/v1/disputes", intake);
        String id = d.get("id").asString();
        assertThat(d.get("body").get("name").asString()).isEqualTo("广饶县交通事故人民调解委员会");
        assertThat(d.get("body").get("level").asString()).isEqualTo("COUNTY");

        desk.act(id, "accept", Map.of("comment", "交通事故损害赔偿，由县交通事故调委会受理"));
        desk.act(id, "assign", Map.of("mediatorId", mediatorId));
        UUID finding = attachments.upload(PNG, staff.principal(mediatorId).orElseThrow());
        JsonNode withFinding =
                mediator.act(id, "evidence", Map.of("comment", "交警道路交通事故认定书（简易程序）", "attachmentIds", List.of(finding)));
        assertThat(withFinding.get("attachmentIds").toString()).contains(finding.toString());
        mediator.act(
                id, "sessions", session("广饶县道路交通事故纠纷调解室", "刘桂芳、孙浩然、保险公司理赔员", "依据交警认定书核算医疗费、误工费、护理费，保险公司在交强险限额内先行赔付"));
        mediator.act(
                id,
                "agree",
                Map.of(
                        "facts",
                        "交通事故致刘桂芳腿部骨折，交警认定孙浩然负主要责任",
                        "terms",
                        List.of("保险公司在交强险和商业险限额内赔付刘桂芳各项损失合计人民币48,000元", "孙浩然另行支付刘桂芳营养费人民币4,000元"),
                        "amount",
                        52000,
                        "performBy",
                        LocalDate.now().plusDays(15).toString()));
        mediator.act(id, "performance", Map.of("performance", "FULL", "note", "保险赔款和营养费均已到账"));
        mediator.act(id, "follow-up", Map.of("satisfaction", "SATISFIED"));
        desk.act(id, "archive", Map.of());

        List<String> actions = mediator.verifiedHistory(id);
        assertThat(actions)
                .containsExactly(
                        "RECEIVE",
                        "ACCEPT",
                        "ASSIGN",
                        "EVIDENCE",
                        "SESSION",
                        "AGREE",
                        "PERFORM",
                        "FOLLOW_UP",
                        "ARCHIVE");
        JsonNode evidence = mediator.read("/api/v1/disputes/" + id + "/history")
                .get("entries")
                .get(3);
        assertThat(evidence.get("attachmentIds").toString()).contains(finding.toString());
    }

    @Test
    void twoHundredHouseholdsDemolitionDisputeIsEscalatedToTheCountyPartlyAgreedAndTheRestReferredToLitigation() {
        String countyMediator =
                Mediation.newAccount(staff, organisations, "zq", Mediation.COUNTY, Set.of(Role.MEDIATOR));
        Client townDesk = Client.as(port, "dawang.dispatcher");
        Client townMediator = Client.as(port, "mediator");
        Client countyDesk = Client.as(port, "guangrao.dispatcher");
        Client mediator = Client.as(port, countyMediator);

        Map<String, Object> intake = new HashMap<>();
        intake.put("source", "WALK_IN");
        intake.put("typeCode", "MDJF-013");
        intake.put("facts", "旧村改造项目涉及200户村民，村民代表集体来访，认为房屋征收补偿标准偏低、安置房交付延期");
        intake.put("amount", 36000000);
        intake.put("risk", "HIGH");
        intake.put("involved", 200);
        intake.put("regionCode", village.code());
        intake.put("body", body("TOWN_COMMITTEE"));
        intake.put(
                "parties",
                List.of(
                        person("APPLICANT", "张立军", 31),
                        person("APPLICANT", "王秀兰", 32),
                        person("APPLICANT", "李福生", 33),
                        organisation("RESPONDENT", "广饶县房屋征收服务中心", 34)));
        JsonNode d = townDesk.ok(201, "/api/v1/disputes", intake);
        String id = d.get("id").asString();
        assertThat(d.get("major").asBoolean()).isTrue();
        // 重大矛盾纠纷: the county's and city's desks see it at once
        assertThat(countyDesk.read("/api/v1/disputes?status=open").toString()).contains(id);
        assertThat(Client.as(port, "city.dispatcher")
                        .read("/api/v1/disputes/" + id)
                        .get("riskLabel")
                        .asString())
                .isEqualTo("高风险");

        townDesk.act(id, "accept", Map.of());
        townDesk.act(
                id,
                "assign",
                Map.of(
                        "mediatorId",
                        staff.findByUsername("mediator").orElseThrow().id()));
        townMediator.act(id, "sessions", session("大王镇综治中心", "村民代表张立军等5人、县征收中心", "补偿标准涉及县级政策，镇级无法调处"));
        JsonNode escalated =
                townMediator.act(id, "escalate", Map.of("to", Map.of("kind", "CENTRE"), "reason", "补偿标准由县政府制定，镇级无权调整"));
        assertThat(escalated.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(escalated.get("body").get("name").asString()).isEqualTo("广饶县矛盾纠纷调处化解中心");
        assertThat(escalated.get("mediatorId").isNull()).isTrue();

        // the town's mediator no longer acts on it
        HttpResponse<String> stale = townMediator.post("/api/v1/disputes/" + id + "/sessions", session("镇", "代表", "x"));
        assertThat(stale.statusCode()).isEqualTo(409);

        countyDesk.act(
                id,
                "assign",
                Map.of(
                        "mediatorId",
                        staff.findByUsername(countyMediator).orElseThrow().id()));
        mediator.act(id, "sessions", session("广饶县矛盾纠纷调处化解中心", "村民代表、县征收中心、县住建局", "安置房交付时间和过渡费达成一致；补偿标准部分仍有分歧"));
        JsonNode agreed = mediator.act(
                id,
                "agree",
                Map.of(
                        "facts",
                        "旧村改造涉及200户，争议为安置房交付延期和补偿标准",
                        "terms",
                        List.of("县房屋征收服务中心按每户每月1,500元标准补发延期交付期间的过渡费", "安置房于2027年6月30日前交付"),
                        "amount",
                        3600000,
                        "performBy",
                        LocalDate.now().plusDays(90).toString(),
                        "remainderExit",
                        "LITIGATION",
                        "remainder",
                        "房屋征收补偿标准"));
        assertThat(agreed.get("agreement").get("partial").asBoolean()).isTrue();
        assertThat(agreed.get("agreement").get("remainderExitLabel").asString()).isEqualTo("诉讼");
        assertThat(agreed.get("concludedLevel").asString()).isEqualTo("COUNTY");
        assertThat(agreed.get("escalations").asInt()).isEqualTo(1);
        assertThat(mediator.get("/api/v1/disputes/" + id + "/agreement").body())
                .contains("未达成协议部分：房屋征收补偿标准，由当事人依法申请诉讼");
        mediator.act(id, "performance", Map.of("performance", "PARTIAL", "note", "过渡费已补发，安置房在建"));
        mediator.act(id, "follow-up", Map.of("satisfaction", "BASICALLY_SATISFIED"));
        countyDesk.act(id, "archive", Map.of());

        assertThat(mediator.verifiedHistory(id))
                .containsExactly(
                        "RECEIVE",
                        "ACCEPT",
                        "ASSIGN",
                        "SESSION",
                        "ESCALATE",
                        "ASSIGN",
                        "SESSION",
                        "AGREE",
                        "PERFORM",
                        "FOLLOW_UP",
                        "ARCHIVE");
    }

    @Test
    void tielingsWaterLeakIsMediatedByTheGridWorkerInTheVillagePaidAndFollowedUp() {
        String gridMediator = Mediation.newAccount(
                staff, organisations, "wg", village.code(), Set.of(Role.GRID_WORKER, Role.MEDIATOR));
        Client worker = Client.as(port, gridMediator);
        Client villageDesk = Client.as(port, "village.dispatcher");
        long workerId = staff.findByUsername(gridMediator).orElseThrow().id();

        Map<String, Object> intake = new HashMap<>();
        intake.put("source", "SCREENING");
        intake.put("typeCode", "MDJF-001");
        intake.put("facts", "楼上空置房屋水管冻裂漏水，楼下住户吊顶、墙面和木地板被泡，房主常年在外地，双方电话沟通未果");
        intake.put("amount", 9000);
        intake.put("regionCode", village.code());
        intake.put("body", body("VILLAGE_COMMITTEE"));
        intake.put("parties", List.of(person("APPLICANT", "周玉梅", 41), person("RESPONDENT", "吴国庆", 42)));
        JsonNode d = worker.ok(201, "/api/v1/disputes", intake);
        String id = d.get("id").asString();
        assertThat(d.get("body").get("name").asString()).isEqualTo(village.name() + "人民调解委员会");

        villageDesk.act(id, "accept", Map.of());
        villageDesk.act(id, "assign", Map.of("mediatorId", workerId));
        assertThat(worker.read("/api/v1/disputes?scope=mine&status=open").toString())
                .contains(id);
        worker.act(id, "sessions", session("周玉梅家中（视频连线吴国庆）", "周玉梅、吴国庆（视频）、网格员", "现场查看受损情况，吴国庆同意赔偿修复费用"));
        worker.act(
                id,
                "agree",
                Map.of(
                        "facts",
                        "楼上空置房屋水管冻裂漏水致楼下吊顶、墙面、地板受损",
                        "terms",
                        List.of("吴国庆赔偿周玉梅房屋修复费用人民币8,000元", "吴国庆三日内委托维修人员更换楼上破裂水管"),
                        "amount",
                        8000,
                        "performBy",
                        LocalDate.now().plusDays(7).toString()));
        worker.act(id, "performance", Map.of("performance", "FULL", "note", "8,000元已微信转账，水管已更换"));
        worker.act(id, "follow-up", Map.of("satisfaction", "SATISFIED", "note", "吊顶已修复，邻里关系恢复"));
        worker.act(id, "archive", Map.of());

        JsonNode done = worker.read("/api/v1/disputes/" + id);
        assertThat(done.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(done.get("concludedLevel").asString()).isEqualTo("VILLAGE");
        assertThat(done.get("performanceLabel").asString()).isEqualTo("全部履行");
        assertThat(done.get("satisfactionLabel").asString()).isEqualTo("满意");
        assertThat(worker.verifiedHistory(id))
                .containsExactly("RECEIVE", "ACCEPT", "ASSIGN", "SESSION", "AGREE", "PERFORM", "FOLLOW_UP", "ARCHIVE");
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 1×1 PNG: the photographed finding. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
