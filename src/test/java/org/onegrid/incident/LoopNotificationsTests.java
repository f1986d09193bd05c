package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who is told of each step of the loop: whoever the step hands work to, and a reporter with an account. */
@IntegrationTest
class LoopNotificationsTests {

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

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Dongying.catalog(catalog, staff);
    }

    /** One notice as stored: its kind and text, and either a user or an organisation's role it is for. */
    record Notice(String kind, Long userId, Long orgId, String role, String text) {

        static Notice toUser(String kind, long userId, String text) {
            return new Notice(kind, userId, null, null, text);
        }

        static Notice toOrg(String kind, long orgId, String role, String text) {
            return new Notice(kind, null, orgId, role, text);
        }
    }

    List<Notice> notices(String incidentId, String kind) {
        return jdbc.sql("""
                        SELECT kind, recipient_user_id, recipient_org_id, recipient_role, text FROM notification
                         WHERE case_kind = 'incident' AND case_id = :id AND kind = :kind ORDER BY id
                        """)
                .param("id", UUID.fromString(incidentId))
                .param("kind", kind)
                .query((rs, n) -> new Notice(
                        rs.getString(1),
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    long orgOf(String username) {
        return Dongying.principal(staff, username).orgId();
    }

    long userId(String username) {
        return staff.findByUsername(username).orElseThrow().id();
    }

    @Test
    void everyNoticeNamesTheIncidentByItsNumber() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 14);
        HttpResponse<String> reported = api.post(
                spot.gridWorker(),
                "/api/v1/incidents",
                Map.of("itemCode", Dongying.NOISE, "text", "广场舞音响扰民", "longitude", spot.lng(), "latitude", spot.lat()));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String id = Api.json(reported).get("id").asString();
        String number = Api.json(reported).get("number").asString();

        assertThat(number).matches("DY-\\d{8}-\\d{4,}");
        assertThat(notices(id, "NEW_INCIDENT"))
                .singleElement()
                .satisfies(n -> assertThat(n.text()).startsWith("新事件待受理：「噪音扰民」（" + number + "），受理期限 "));
    }

    @Test
    void aDualDispatchTellsTheLeadOfItsExtensionAndOnlyTheSupervisingGridWorkerAndTheCentreWhatToVerify() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 13);
        HttpResponse<String> reported = api.post(
                spot.gridWorker(),
                "/api/v1/incidents",
                Map.of(
                        "itemCode",
                        Dongying.NOISE,
                        "text",
                        "夜市摊位音响扰民",
                        "longitude",
                        spot.lng(),
                        "latitude",
                        spot.lat()));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String id = Api.json(reported).get("id").asString();
        String number = Api.json(reported).get("number").asString();
        String village = spot.villageDispatcher();
        String handler = spot.handler("chengguan");
        long supervisor = userId(spot.gridWorker());

        api.act(village, id, "accept", Map.of());
        api.act(
                village,
                id,
                "dispatch",
                Map.of("mode", "DUAL", "department", "chengguan", "supervisorUserId", supervisor));
        api.act(handler, id, "sign", Map.of());
        api.act(handler, id, "request-extension", Map.of("hours", 4, "comment", "需联系摊主"));
        api.act(village, id, "decide-extension", Map.of("approve", true));
        api.act(handler, id, "complete", Map.of("comment", "已劝导摊主", "photoIds", List.of(api.photo(handler))));
        api.act(spot.gridWorker(), id, "verify", Map.of("passed", true));
        api.act(village, id, "evaluate", Map.of("satisfaction", "DISSATISFIED", "comment", "回访：仍有噪音"));

        assertThat(notices(id, "SUPERVISE_ON_SITE"))
                .singleElement()
                .satisfies(n -> assertThat(n.userId()).isEqualTo(supervisor));
        assertThat(notices(id, "EXTENSION_DECIDED"))
                .singleElement()
                .satisfies(n -> assertThat(n)
                        .usingRecursiveComparison()
                        .ignoringFields("text")
                        .isEqualTo(Notice.toOrg("EXTENSION_DECIDED", orgOf(handler), "DEPARTMENT_HANDLER", "")))
                .satisfies(n -> assertThat(n.text()).startsWith("延期已批准：「噪音扰民」（" + number + "），处置期限 "));
        assertThat(notices(id, "TO_VERIFY"))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("text")
                .containsExactly(
                        Notice.toOrg("TO_VERIFY", orgOf(village), "CENTRE_DISPATCHER", ""),
                        Notice.toUser("TO_VERIFY", supervisor, ""));
        assertThat(notices(id, "EVALUATED"))
                .containsExactly(Notice.toOrg(
                        "EVALUATED", orgOf(village), "CENTRE_DISPATCHER", "评价不满意：「噪音扰民」（" + number + "），可重办"));
    }

    @Test
    void aJointTaskTellsTheLeadOfEachPartAndTheGridsWorkersAndTheResidentOfTheResult() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DONGYING_DISTRICT, 17);
        HttpResponse<String> reported = api.post(
                "resident",
                "/api/v1/incidents",
                Map.of("itemCode", Dongying.FUMES, "text", "烧烤店油烟直排", "longitude", spot.lng(), "latitude", spot.lat()));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String id = Api.json(reported).get("id").asString();
        String number = Api.json(reported).get("number").asString();
        String town = spot.townDispatcher();
        String lead = spot.handler("chengguan");
        String ecology = spot.handler("huanbao");

        api.act(town, id, "accept", Map.of());
        api.act(
                town,
                id,
                "dispatch",
                Map.of("mode", "JOINT", "department", "chengguan", "assisting", List.of("huanbao")));
        api.act(ecology, id, "report-in", Map.of());
        api.act(lead, id, "sign", Map.of());
        api.act(ecology, id, "record-part", Map.of("comment", "油烟浓度超标"));
        api.act(lead, id, "complete", Map.of("comment", "已责令整改", "photoIds", List.of(api.photo(lead))));
        api.act(spot.gridWorker(), id, "verify", Map.of("passed", true));
        api.act("resident", id, "evaluate", Map.of("satisfaction", "SATISFIED"));

        assertThat(notices(id, "NEW_INCIDENT"))
                .singleElement()
                .satisfies(n -> assertThat(n.orgId()).isEqualTo(orgOf(town)))
                .satisfies(n -> assertThat(n.text()).startsWith("新事件待受理：「油烟扰民」（" + number + "），受理期限 "));
        assertThat(notices(id, "ASSIST_REQUESTED"))
                .singleElement()
                .satisfies(n -> assertThat(n.orgId()).isEqualTo(orgOf(ecology)));
        assertThat(notices(id, "PART_RECORDED"))
                .containsExactly(Notice.toOrg(
                        "PART_RECORDED", orgOf(lead), "DEPARTMENT_HANDLER", "协办部门已反馈：「油烟扰民」（" + number + "）"));
        List<Long> gridWorkers = staff.gridStaff(spot.grid()).stream()
                .filter(a -> a.duty() == GridDuty.GRID_WORKER)
                .map(a -> a.userId())
                .toList();
        assertThat(gridWorkers).isNotEmpty();
        assertThat(notices(id, "TO_VERIFY"))
                .extracting(n -> n.orgId() == null ? n.userId() : n.orgId())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.concat(List.of(orgOf(town)).stream(), gridWorkers.stream())
                                .toList());
        assertThat(notices(id, "STATUS"))
                .extracting(Notice::text)
                .containsExactly(
                        "您反映的「油烟扰民」（" + number + "）已受理",
                        "您反映的「油烟扰民」（" + number + "）已派遣至处置部门",
                        "您反映的「油烟扰民」（" + number + "）已签收，正在处置",
                        "您反映的「油烟扰民」（" + number + "）已处置，待核查",
                        "您反映的「油烟扰民」（" + number + "）已办结，欢迎评价");
        assertThat(notices(id, "STATUS")).allSatisfy(n -> assertThat(n.userId()).isEqualTo(userId("resident")));
        assertThat(notices(id, "EVALUATED"))
                .containsExactly(
                        Notice.toOrg("EVALUATED", orgOf(town), "CENTRE_DISPATCHER", "评价满意：「油烟扰民」（" + number + "）"));
    }
}
