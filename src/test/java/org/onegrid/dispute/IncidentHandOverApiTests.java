package org.onegrid.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.dispute.Mediation.body;
import static org.onegrid.dispute.Mediation.person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.dispute.Mediation.Client;
import org.onegrid.region.Grids;
import org.onegrid.region.Regions;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An incident of the 矛盾纠纷 category turned into a mediation case, and closed by the case's outcome. */
@IntegrationTest
class IncidentHandOverApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Grids grids;

    @Autowired
    Regions regions;

    @Autowired
    Organisations organisations;

    static List<String> actions(JsonNode history) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : history.get("entries")) {
            out.add(e.get("action").asString());
        }
        return out;
    }

    @Test
    void aNeighboursQuarrelReportedAsAnIncidentIsMediatedAndTheIncidentClosesWithTheAgreement() {
        String grid = staff
                .gridsOf(staff.findByUsername("gridworker").orElseThrow().id())
                .stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .findFirst()
                .orElseThrow()
                .gridCode();
        var inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        Client worker = Client.as(port, "gridworker");
        Client desk = Client.as(port, "village.dispatcher");
        JsonNode incident = worker.ok(
                201,
                "/api/v1/incidents",
                Map.of(
                        "itemCode", "MDJF-001",
                        "text", "楼上住户装修漏水到楼下，两家争吵多次，楼下要求赔偿",
                        "longitude", inside.getX(),
                        "latitude", inside.getY(),
                        "address", "花园社区3号楼"));
        String incidentId = incident.get("id").asString();

        Map<String, Object> intake = new HashMap<>();
        intake.put("source", "INCIDENT");
        intake.put("incidentId", incidentId);
        intake.put("body", body("VILLAGE_COMMITTEE"));
        intake.put("parties", List.of(person("APPLICANT", "高秀云", 61), person("RESPONDENT", "潘志强", 62)));
        JsonNode d = desk.ok(201, "/api/v1/disputes", intake);
        String id = d.get("id").asString();
        assertThat(d.get("typeCode").asString()).isEqualTo("MDJF-001");
        assertThat(d.get("facts").asString()).contains("漏水");
        assertThat(d.get("incidentId").asString()).isEqualTo(incidentId);

        JsonNode waiting = desk.read("/api/v1/incidents/" + incidentId);
        assertThat(waiting.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(actions(desk.read("/api/v1/incidents/" + incidentId + "/history")))
                .endsWith("ACCEPT", "HAND_OVER");

        // a second hand-over of the same incident is refused
        assertThat(desk.post("/api/v1/disputes", intake).statusCode()).isEqualTo(409);

        String mediatorName = Mediation.newAccount(
                staff, organisations, "hf", Mediation.village(regions).code(), Set.of(Role.MEDIATOR));
        Client mediator = Client.as(port, mediatorName);
        desk.act(id, "accept", Map.of());
        desk.act(
                id,
                "assign",
                Map.of(
                        "mediatorId",
                        staff.findByUsername(mediatorName).orElseThrow().id()));
        mediator.act(
                id,
                "sessions",
                Map.of(
                        "heldAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                        "place", "社区调解室",
                        "attendees", "高秀云、潘志强",
                        "minutes", "潘志强承认装修漏水，同意赔偿"));
        mediator.act(
                id,
                "agree",
                Map.of(
                        "facts",
                        "装修漏水致楼下受损",
                        "terms",
                        List.of("潘志强赔偿高秀云修复费用人民币3,000元"),
                        "amount",
                        3000,
                        "performBy",
                        LocalDate.now().plusDays(10).toString()));

        JsonNode closed = desk.read("/api/v1/incidents/" + incidentId);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("result").asString()).contains(d.get("number").asString(), "达成协议");
        JsonNode history = desk.read("/api/v1/incidents/" + incidentId + "/history");
        assertThat(actions(history)).endsWith("ACCEPT", "HAND_OVER", "CONCLUDE_HANDED_OVER");
        assertThat(mediator.verifiedHistory(id)).containsExactly("RECEIVE", "ACCEPT", "ASSIGN", "SESSION", "AGREE");
    }
}
