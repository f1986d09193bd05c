package org.onegrid.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.incident.IncidentApi;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.ChangeStatus;
import org.onegrid.patrol.domain.Outcome;
import org.onegrid.patrol.domain.VisitRefused;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Visits through the API and the facade, on the demo city: refusals, scope, revisits, problems, changes, coverage. */
@IntegrationTest
class PatrolApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PatrolApi patrol;

    @Autowired
    Registry registry;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    StaffPrincipal admin;
    StaffPrincipal worker;
    String grid;
    Location place;
    long household;
    Point door;

    @BeforeEach
    void aHouseholdInTheWorkersGrid() {
        admin = Households.principal(staff, "admin");
        worker = Households.principal(staff, "gridworker");
        grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        place = grids.location(grid).orElseThrow();
        household = Households.register(registry, grids, grid, 3, Set.of(PersonTag.ELDERLY_ALONE), admin);
        door = Households.door(grids, grid);
    }

    RecordVisit visit(long household, Outcome outcome, double lng, double lat) {
        return new RecordVisit(
                null,
                household,
                outcome,
                Instant.now().minusSeconds(600),
                Instant.now(),
                lng,
                lat,
                null,
                "入户了解情况",
                List.of(),
                null,
                null);
    }

    @Test
    void aVisitFromFiveKilometresAwayIsRefusedOverTheApiWithAPreciseMessageAndNothingRecorded() throws Exception {
        double north = door.getY() + 5_300 / 111_195.0;
        HttpResponse<String> r = post(
                "gridworker",
                "/api/v1/patrol/visits",
                Map.of(
                        "householdId",
                        household,
                        "outcome",
                        "MET",
                        "startedAt",
                        Instant.now().minusSeconds(600).toString(),
                        "endedAt",
                        Instant.now().toString(),
                        "lng",
                        door.getX(),
                        "lat",
                        north));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asString()).isEqualTo("position");
        assertThat(problem.get("detail").asString()).contains("5.3 公里").contains("不能登记走访");
        assertThat(visitsOf(household)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_period_mark WHERE household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aGridWorkerCannotVisitAnotherGridsHouseholdWhichIsAnsweredAsNotFound() throws Exception {
        GridView other = grids.all().stream()
                .filter(g -> !worker.grids().contains(g.code()))
                .findFirst()
                .orElseThrow();
        long theirs = Households.register(registry, grids, other.code(), 1, Set.of(), admin);
        Point theirDoor = Households.door(grids, other.code());

        HttpResponse<String> r = post(
                "gridworker",
                "/api/v1/patrol/visits",
                Map.of(
                        "householdId", theirs,
                        "outcome", "MET",
                        "startedAt", Instant.now().minusSeconds(600).toString(),
                        "endedAt", Instant.now().toString(),
                        "lng", theirDoor.getX(),
                        "lat", theirDoor.getY()));
        HttpResponse<String> unknown = get("gridworker", "/api/v1/patrol/households/" + (theirs + 10_000_000));
        HttpResponse<String> card = get("gridworker", "/api/v1/patrol/households/" + theirs);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(card.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(card.body()).get("type").asString())
                .isEqualTo(JSON.readTree(unknown.body()).get("type").asString());
        assertThat(visitsOf(theirs)).isZero();
        assertThat(patrol.due(worker)).noneMatch(d -> d.card().id() == theirs);
    }

    @Test
    void nobodyHomeBringsTheRevisitDueAndTheNextVisitReportsAProblemIntoTheLoop() {
        Period month = Period.of("month", patrol.today(), null, null);
        CoverageView.Figures before =
                patrol.coverage(place.village().code(), month, admin).figures();

        VisitView nobody = patrol.recordVisit(visit(household, Outcome.NOBODY_HOME, door.getX(), door.getY()), worker);
        assertThat(nobody.revisitBy()).isEqualTo(patrol.today().plusDays(3));
        assertThat(patrol.due(worker))
                .filteredOn(d -> d.card().id() == household)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.revisit()).isTrue();
                    assertThat(d.card().maskedHead()).isEqualTo("张**");
                    assertThat(d.tagLabels()).containsExactly("独居老人");
                    assertThat(d.everyDays()).isEqualTo(7);
                });
        CoverageView.Figures afterNobody =
                patrol.coverage(place.village().code(), month, admin).figures();
        assertThat(afterNobody.householdsVisited()).isEqualTo(before.householdsVisited());
        assertThat(afterNobody.visits()).isEqualTo(before.visits() + 1);
        assertThat(afterNobody.householdsRegistered()).isEqualTo(before.householdsRegistered());

        RecordVisit met = new RecordVisit(
                null,
                household,
                Outcome.MET,
                Instant.now().minusSeconds(900),
                Instant.now(),
                door.getX() + 0.0001,
                door.getY(),
                2,
                "老人独居，楼道扶手松动",
                List.of(),
                null,
                new RecordVisit.Problem("MDJF-001", "楼上漏水，邻里有争执"));
        VisitView v = patrol.recordVisit(met, worker);

        assertThat(v.incidentId()).isNotNull();
        assertThat(incidents.find(v.incidentId(), worker)).hasValueSatisfying(i -> {
            assertThat(i.text()).contains("楼上漏水").contains("入户走访第 " + v.number() + " 号");
            assertThat(i.gridCode()).isEqualTo(grid);
        });
        assertThat(patrol.due(worker)).noneMatch(d -> d.card().id() == household);
        CoverageView.Figures afterMet =
                patrol.coverage(place.village().code(), month, admin).figures();
        assertThat(afterMet.householdsVisited()).isEqualTo(before.householdsVisited() + 1);
        assertThat(afterMet.personsVerified()).isEqualTo(before.personsVerified() + 2);
        CoverageView city = patrol.coverage(null, month, admin);
        assertThat(city.figures().householdsVisited()).isGreaterThanOrEqualTo(afterMet.householdsVisited());
    }

    @Test
    void aProblemTheLoopRefusesLeavesNoVisitBehind() {
        RecordVisit withUnknownItem = new RecordVisit(
                null,
                household,
                Outcome.MET,
                Instant.now().minusSeconds(900),
                Instant.now(),
                door.getX(),
                door.getY(),
                null,
                null,
                List.of(),
                null,
                new RecordVisit.Problem("NO-SUCH-ITEM", "看不懂的问题"));
        assertThatThrownBy(() -> patrol.recordVisit(withUnknownItem, worker))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(visitsOf(household)).isZero();
    }

    @Test
    void theVillageCentreConfirmsAChangeFoundAtTheDoorAndTheRegistryFollows() {
        List<Long> members = registry.household(household, admin).orElseThrow().members().stream()
                .map(m -> m.personId())
                .toList();
        long child = members.get(1);
        RecordVisit changed = new RecordVisit(
                null,
                household,
                Outcome.CHANGED,
                Instant.now().minusSeconds(900),
                Instant.now(),
                door.getX(),
                door.getY(),
                null,
                null,
                List.of(),
                new RecordVisit.Change(ChangeKind.MEMBER_MOVED_OUT, child, "外出务工，已在外地落户"),
                null);
        VisitView v = patrol.recordVisit(changed, worker);
        assertThat(v.changeRequestId()).isNotNull();

        StaffPrincipal village =
                Households.principal(staff, "vd" + place.village().code());
        ChangeRequestView pending = patrol.changeRequests(true, village).stream()
                .filter(c -> c.id() == v.changeRequestId())
                .findFirst()
                .orElseThrow();
        assertThat(pending.status()).isEqualTo(ChangeStatus.PENDING);
        assertThat(pending.personMaskedName()).endsWith("*");

        ChangeRequestView confirmed = patrol.confirm(pending.id(), pending.version(), village);
        assertThat(confirmed.status()).isEqualTo(ChangeStatus.CONFIRMED);
        assertThat(registry.person(child, admin).orElseThrow().status()).isEqualTo(PersonStatus.MOVED_OUT);
        assertThatThrownBy(() -> patrol.confirm(pending.id(), confirmed.version(), village))
                .isInstanceOf(VisitRefused.class);
    }

    @Test
    void sendingTheSameVisitTwiceRecordsItOnce() {
        UUID id = UUID.randomUUID();
        RecordVisit once = new RecordVisit(
                id,
                household,
                Outcome.REFUSED,
                Instant.now().minusSeconds(300),
                Instant.now(),
                door.getX(),
                door.getY(),
                null,
                "不愿开门",
                List.of(),
                null,
                null);
        VisitView first = patrol.recordVisit(once, worker);
        VisitView again = patrol.recordVisit(once, worker);
        assertThat(again.number()).isEqualTo(first.number());
        assertThat(visitsOf(household)).isEqualTo(1);
    }

    long visitsOf(long household) {
        return jdbc.sql("SELECT count(*) FROM patrol_visit WHERE household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
    }

    // ---------------------------------------------------------------------------------------------------------

    private final HttpClient http = HttpClient.newHttpClient();

    String token(String username) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("username", username, "password", "Demo@2026"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asString();
    }

    HttpResponse<String> post(String user, String path, Object body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token(user))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMemberNewlyTaggedBringsTheHouseholdsNextVisitForwardAtTheNightlyRefresh() {
        long plain = Households.register(registry, grids, grid, 2, Set.of(), admin);
        patrol.refreshSchedules(place.village().path());
        patrol.recordVisit(visit(plain, Outcome.MET, door.getX(), door.getY()), worker);
        assertThat(everyDays(plain)).isEqualTo(30);
        assertThat(nextDueOn(plain)).isEqualTo(patrol.today().plusDays(30));

        long head =
                registry.household(plain, admin).orElseThrow().members().get(0).personId();
        org.onegrid.registry.PersonView person = registry.person(head, admin).orElseThrow();
        registry.changePersonKeeping(
                new org.onegrid.registry.ChangePerson(
                        head,
                        person.version(),
                        null,
                        null,
                        null,
                        person.residence(),
                        person.addressId(),
                        Set.of(PersonTag.ELDERLY_ALONE)),
                true,
                true,
                admin);
        assertThat(everyDays(plain)).as("nothing moves before the refresh").isEqualTo(30);

        patrol.refreshSchedules(place.village().path());
        assertThat(everyDays(plain)).isEqualTo(7);
        assertThat(nextDueOn(plain)).isEqualTo(patrol.today().plusDays(7));
    }

    int everyDays(long household) {
        return jdbc.sql("SELECT every_days FROM patrol_household WHERE household_id = :id")
                .param("id", household)
                .query(Integer.class)
                .single();
    }

    java.time.LocalDate nextDueOn(long household) {
        return jdbc.sql("SELECT next_due_on FROM patrol_household WHERE household_id = :id")
                .param("id", household)
                .query(java.time.LocalDate.class)
                .single();
    }
}
