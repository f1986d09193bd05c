package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.IncidentIntakeApiTests.assertProblem;
import static org.onegrid.incident.IncidentStoriesApiTests.actions;

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
import tools.jackson.databind.JsonNode;

/** Every action of the loop through its endpoint, the refusals that change nothing, and the queries' scope. */
@IntegrationTest
class IncidentActionsApiTests {

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
        spot = Dongying.spot(grids, Dongying.DAWANG, 5);
    }

    String report(String item, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", item);
        body.put("text", text);
        body.put("longitude", spot.lng());
        body.put("latitude", spot.lat());
        body.put("reporterName", "张先生");
        HttpResponse<String> r = api.post(spot.gridWorker(), "/api/v1/incidents", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r).get("id").asString();
    }

    @Test
    void everyActionOfTheLoopIsReachableThroughItsEndpoint() {
        String id = report(Dongying.NOISE, "商铺门口音响外放扰民");
        String village = spot.villageDispatcher();
        String town = spot.townDispatcher();
        String handler = spot.handler("chengguan");

        api.act(village, id, "accept", Map.of("comment", "予以受理"));
        api.act(town, id, "urge", Map.of("comment", "请加快办理"));
        JsonNode supervised = api.act(town, id, "supervise", Map.of("hours", 8, "comment", "今日内反馈处置情况"));
        assertThat(supervised.get("supervisions").get(0).get("instruction").asString())
                .isEqualTo("今日内反馈处置情况");
        api.act(village, id, "reply-supervision", Map.of("order", 1, "comment", "已安排城管执法处置"));
        api.act(village, id, "dispatch", Map.of("mode", "SINGLE", "department", "chengguan"));
        JsonNode returned = api.act(handler, id, "return", Map.of("comment", "应由公安处置"));
        assertThat(returned.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(returned.get("counts").get("returns").asInt()).isEqualTo(1);
        api.act(village, id, "escalate", Map.of("comment", "社区协调不了"));
        JsonNode down = api.act(town, id, "dispatch", Map.of("mode", "DOWN", "centre", spot.village()));
        assertThat(down.get("owner").get("level").asString()).isEqualTo("VILLAGE");
        api.act(village, id, "dispatch", Map.of("mode", "SINGLE", "department", "chengguan"));
        api.act(handler, id, "sign", Map.of());
        JsonNode requested = api.act(handler, id, "request-extension", Map.of("hours", 8, "comment", "需联系店主"));
        assertThat(requested.get("pendingExtension").get("extra").asString()).isEqualTo("PT8H");
        JsonNode approved = api.act(village, id, "decide-extension", Map.of("approve", true));
        assertThat(approved.get("counts").get("extensions").asInt()).isEqualTo(1);
        api.act(handler, id, "complete", Map.of("comment", "已劝导", "photoIds", List.of(api.photo(handler))));
        JsonNode rework = api.act(spot.gridWorker(), id, "verify", Map.of("passed", false, "comment", "音响仍在外放"));
        assertThat(rework.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(rework.get("counts").get("reworks").asInt()).isEqualTo(1);
        api.act(handler, id, "complete", Map.of("comment", "已暂扣音响", "photoIds", List.of(api.photo(handler))));
        api.act(spot.gridWorker(), id, "verify", Map.of("passed", true));
        api.act(village, id, "evaluate", Map.of("satisfaction", "DISSATISFIED", "comment", "回访：仍有噪音"));
        JsonNode reopened = api.act(village, id, "reopen", Map.of("comment", "重新办理"));
        assertThat(reopened.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(actions(reopened.get("history")))
                .containsExactly(
                        "REPORT",
                        "ACCEPT",
                        "URGE",
                        "SUPERVISE",
                        "REPLY_SUPERVISION",
                        "DISPATCH",
                        "RETURN",
                        "ESCALATE",
                        "DISPATCH_DOWN",
                        "DISPATCH",
                        "SIGN",
                        "REQUEST_EXTENSION",
                        "APPROVE_EXTENSION",
                        "COMPLETE",
                        "VERIFY_FAIL",
                        "COMPLETE",
                        "VERIFY_PASS",
                        "EVALUATE",
                        "REOPEN");
        assertThat(reopened.get("history").get("verified").asBoolean()).isTrue();
        assertThat(reopened.get("version").asLong()).isEqualTo(19);

        String rejected = report(Dongying.NOISE, "重复反映");
        assertThat(api.act(village, rejected, "reject", Map.of("comment", "非本辖区事项"))
                        .get("status")
                        .asString())
                .isEqualTo("REJECTED");

        String survivor = report(Dongying.NOISE, "广场舞噪音");
        String duplicate = report(Dongying.NOISE, "广场舞噪音（又一人反映）");
        JsonNode merged = api.act(village, duplicate, "merge", Map.of("into", survivor));
        assertThat(merged.get("status").asString()).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto").asString()).isEqualTo(survivor);
        assertThat(api.incident(village, survivor)
                        .get("counts")
                        .get("supporters")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anIncidentShowsNoPhotosUntilAnActionAttachesThemAndThenEveryOneOfThem() {
        String id = report(Dongying.NOISE, "深夜装修噪音");
        String village = spot.villageDispatcher();
        String handler = spot.handler("chengguan");
        assertThat(api.incident(village, id).get("photos")).isEmpty();

        api.act(village, id, "accept", Map.of());
        api.act(village, id, "dispatch", Map.of("mode", "SINGLE", "department", "chengguan"));
        JsonNode signed = api.act(handler, id, "sign", Map.of());
        assertThat(signed.get("photos")).isEmpty();
        String before = api.photo(handler);
        String after = api.photo(handler);
        JsonNode completed =
                api.act(handler, id, "complete", Map.of("comment", "已责令停工", "photoIds", List.of(before, after)));

        assertThat(completed.get("photos"))
                .extracting(p -> p.get("id").asString())
                .containsExactlyInAnyOrder(before, after);
        assertThat(api.act(spot.gridWorker(), id, "verify", Map.of("passed", true))
                        .get("photos"))
                .hasSize(2);
        assertThat(api.incident(village, id).get("photos").get(0).get("url").asString())
                .startsWith("/api/v1/incidents/" + id + "/photos/");
    }

    @Test
    void refusedActionsAnswerWithTheReasonAndChangeNothing() {
        String id = report(Dongying.NOISE, "楼下商铺音响扰民");
        JsonNode before = api.incident(spot.villageDispatcher(), id);

        // another county's dispatcher: not in their region, so for them it does not exist, as when they read it
        assertProblem(
                api.post("dongying.dispatcher", "/api/v1/incidents/" + id + "/accept", Map.of()), 404, "not-found");
        // a department cannot sign what was never dispatched; the refusal names its reason for programs
        HttpResponse<String> unsigned =
                api.post(spot.handler("chengguan"), "/api/v1/incidents/" + id + "/sign", Map.of());
        assertProblem(unsigned, 409, "conflict");
        assertThat(Api.json(unsigned).get("reason").asString()).isEqualTo("status-forbids");
        assertThat(Api.json(unsigned).get("args").get(1).asString()).isEqualTo("待受理");
        // a rejection needs a reason
        assertProblem(
                api.post(spot.villageDispatcher(), "/api/v1/incidents/" + id + "/reject", Map.of()),
                422,
                "invalid-action");
        // a department that does not exist
        assertProblem(
                api.post(
                        spot.villageDispatcher(),
                        "/api/v1/incidents/" + id + "/dispatch",
                        Map.of("mode", "SINGLE", "department", "nosuchdept")),
                422,
                "invalid-action");
        // malformed: verify without saying whether it passed, an unknown mode
        assertProblem(
                api.post(spot.villageDispatcher(), "/api/v1/incidents/" + id + "/verify", Map.of()),
                400,
                "invalid-input");
        assertProblem(
                api.post(
                        spot.villageDispatcher(), "/api/v1/incidents/" + id + "/dispatch", Map.of("mode", "BY_PIGEON")),
                400,
                "invalid-input");
        // a resident who did not report it: for them it does not exist
        assertProblem(
                api.post("resident", "/api/v1/incidents/" + id + "/evaluate", Map.of("satisfaction", "SATISFIED")),
                404,
                "not-found");
        // an incident that does not exist
        assertThat(api.post(
                                spot.villageDispatcher(),
                                "/api/v1/incidents/" + java.util.UUID.randomUUID() + "/accept",
                                Map.of())
                        .statusCode())
                .isEqualTo(404);

        JsonNode after = api.incident(spot.villageDispatcher(), id);
        assertThat(after.get("version").asLong())
                .isEqualTo(before.get("version").asLong());
        assertThat(after.get("status").asString()).isEqualTo("REPORTED");
        assertThat(after.get("history").get("entries")).hasSize(1);
    }

    @Test
    void listsAreFilteredAndLimitedToTheCallersScope() {
        String noise = report(Dongying.NOISE, "夜市摊贩喇叭叫卖 " + spot.grid());
        String fumes = report(Dongying.FUMES, "夜市烧烤油烟 " + spot.grid());
        api.act(spot.villageDispatcher(), noise, "accept", Map.of());

        JsonNode byGrid =
                Api.json(api.get(spot.villageDispatcher(), "/api/v1/incidents?grid=" + spot.grid() + "&size=200"));
        assertThat(ids(byGrid)).contains(noise);
        assertThat(byGrid.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(ids(Api.json(api.get(
                        spot.townDispatcher(),
                        "/api/v1/incidents?status=ACCEPTED&region=" + spot.village() + "&text=" + spot.grid()))))
                .containsExactly(noise);
        assertThat(ids(Api.json(api.get(
                        spot.townDispatcher(),
                        "/api/v1/incidents?category=CSGL&channel=GRID_WORKER&text=" + spot.grid()))))
                .containsExactly(fumes);
        assertThat(ids(Api.json(api.get(spot.townDispatcher(), "/api/v1/incidents?light=GREEN&text=" + spot.grid()))))
                .contains(noise, fumes);
        assertThat(ids(Api.json(api.get(spot.townDispatcher(), "/api/v1/incidents?light=RED&text=" + spot.grid()))))
                .doesNotContain(noise, fumes);
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(ids(Api.json(api.get(
                        "city.dispatcher",
                        "/api/v1/incidents?from=" + today + "&to=" + today + "&text=" + spot.grid()
                                + "&sort=deadline,asc"))))
                .contains(noise, fumes);

        // another county's dispatcher sees neither the list entry nor the incident
        assertThat(ids(Api.json(api.get("dongying.dispatcher", "/api/v1/incidents?text=" + spot.grid()))))
                .isEmpty();
        assertThat(api.get("dongying.dispatcher", "/api/v1/incidents/" + noise).statusCode())
                .isEqualTo(404);
        assertThat(api.get("dongying.dispatcher", "/api/v1/incidents/" + noise + "/history")
                        .statusCode())
                .isEqualTo(404);
        // a resident sees only what they reported
        assertThat(api.get("resident", "/api/v1/incidents/" + noise).statusCode())
                .isEqualTo(404);
        Api.json(api.get("resident", "/api/v1/incidents?size=200"))
                .get("items")
                .forEach(item -> assertThat(
                                api.incident("resident", item.get("id").asString())
                                        .get("reporterUserId")
                                        .asLong())
                        .isEqualTo(
                                staff.findByUsername("resident").orElseThrow().id()));

        assertProblem(api.get("city.dispatcher", "/api/v1/incidents?status=LOST"), 400, "invalid-input");
        assertProblem(api.get("city.dispatcher", "/api/v1/incidents?size=1000"), 400, "invalid-input");
        assertProblem(api.get("city.dispatcher", "/api/v1/incidents?region=999999"), 400, "invalid-input");
        assertProblem(api.get("city.dispatcher", "/api/v1/incidents?from=yesterday"), 400, "invalid-input");
    }

    @Test
    void theDepartmentIsNotifiedOfWorkDispatchedToItAndTheReporterOfItsProgress() {
        Dongying.Spot place = Dongying.spot(grids, Dongying.DONGYING_DISTRICT, 21);
        JsonNode reported = Api.json(api.post(
                "resident",
                "/api/v1/incidents",
                Map.of(
                        "itemCode",
                        Dongying.FUMES,
                        "text",
                        "饭店油烟熏人",
                        "longitude",
                        place.lng(),
                        "latitude",
                        place.lat())));
        String id = reported.get("id").asString();
        String handler = place.handler("chengguan");
        long unreadBefore = Api.json(api.get(handler, "/api/v1/notifications"))
                .get("unread")
                .asLong();

        api.act(place.townDispatcher(), id, "accept", Map.of());
        api.act(place.townDispatcher(), id, "dispatch", Map.of("mode", "SINGLE", "department", "chengguan"));

        JsonNode mine = Api.json(api.get(handler, "/api/v1/notifications?unread=true"));
        assertThat(mine.get("unread").asLong()).isEqualTo(unreadBefore + 1);
        JsonNode notice = mine.get("items").get(0);
        assertThat(notice.get("kind").asString()).isEqualTo("DISPATCHED");
        assertThat(notice.get("incidentId").asString()).isEqualTo(id);
        assertThat(notice.get("text").asString()).contains("油烟扰民");
        // the same department's notice is not someone else's
        assertThat(Api.json(api.get(place.handler("huanbao"), "/api/v1/notifications"))
                        .get("items")
                        .toString())
                .doesNotContain(id);
        assertThat(api.post(
                                "resident",
                                "/api/v1/notifications/" + notice.get("id").asLong() + "/read",
                                Map.of())
                        .statusCode())
                .isEqualTo(404);

        assertThat(api.post(handler, "/api/v1/notifications/" + notice.get("id").asLong() + "/read", Map.of())
                        .statusCode())
                .isEqualTo(204);
        assertThat(Api.json(api.get(handler, "/api/v1/notifications"))
                        .get("unread")
                        .asLong())
                .isEqualTo(unreadBefore);

        JsonNode residents = Api.json(api.get("resident", "/api/v1/notifications?size=50"));
        assertThat(residents.get("items").toString()).contains("已受理", "已派遣至处置部门");
        JsonNode town = Api.json(api.get(place.townDispatcher(), "/api/v1/notifications?size=50"));
        assertThat(town.get("items").toString()).contains("NEW_INCIDENT");
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new java.util.ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }
}
