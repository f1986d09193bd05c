package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.incident.domain.Dongying.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.TimeLimit;

/** Who may do what, where: roles, organisations, data scope, and what a refusal leaves behind (nothing). */
class IncidentGuardsTests {

    private final Dongying city = new Dongying();

    @Test
    void aTownDispatcherCannotActOnAnIncidentOfAnotherTown() {
        Incident incident = city.reported(STREET_VENDING, WENHUI_CENTRE);

        Decision decision = incident.accept(city.by(huangheluDispatcher));

        refused(decision, Decision.Kind.FORBIDDEN);
        assertThat(((Decision.Rejected) decision).reason()).contains(DONGYING_COMMUNITY, HUANGHELU);
    }

    @Test
    void aTownDispatcherOfAnotherTownIsForbiddenWhateverTheStatus() {
        Incident incident = city.closed();

        refused(incident.reopen(city.by(huangheluDispatcher)), Decision.Kind.FORBIDDEN);
        refused(incident.accept(city.by(huangheluDispatcher)), Decision.Kind.FORBIDDEN);
    }

    @Test
    void aHigherCentreCannotAcceptInsteadOfTheOwningCentre() {
        Incident incident = city.reported();

        refused(incident.accept(city.by(districtDispatcher)), Decision.Kind.FORBIDDEN);
        refused(incident.accept(city.by(wenhuiDispatcher)), Decision.Kind.FORBIDDEN);
        allowed(incident.accept(city.by(communityDispatcher)));
    }

    @Test
    void aRefusedActionLeavesNoHistoryAndNoEvent() {
        Incident incident = city.inProgress();
        incident.pullEvents();
        IncidentSnapshot before = incident.snapshot();
        List<HistoryEntry> history = incident.history();

        refused(incident.complete(city.by(marketHandler).saying("已处理").attaching("p")), Decision.Kind.FORBIDDEN);
        refused(incident.complete(city.by(urbanHandler).saying("已处理")), Decision.Kind.INVALID);
        refused(incident.accept(city.by(communityDispatcher)), Decision.Kind.CONFLICT);

        assertThat(incident.snapshot()).isEqualTo(before);
        assertThat(incident.version()).isEqualTo(before.version());
        assertThat(incident.history()).isEqualTo(history);
        assertThat(incident.pullEvents()).isEmpty();
    }

    @Test
    void dispatcherCannotCloseAnIncidentThatWasNeverVerified() {
        Incident incident = city.inProgress();

        refused(incident.verify(city.by(communityDispatcher), true), Decision.Kind.CONFLICT);
        refused(
                incident.resolveOnTheSpot(
                        city.by(communityDispatcher).saying("已解决").attaching("p")),
                Decision.Kind.CONFLICT);

        assertThat(incident.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(incident.resolutionLevel()).isEmpty();
    }

    @Test
    void onlyTheLeadDepartmentSignsCompletesAndReturns() {
        Incident incident = city.dispatched();

        refused(incident.sign(city.by(marketHandler)), Decision.Kind.FORBIDDEN);
        refused(incident.sign(city.by(communityDispatcher)), Decision.Kind.FORBIDDEN);
        refused(incident.returnToCentre(city.by(marketHandler).saying("不归我们管")), Decision.Kind.FORBIDDEN);
        allowed(incident.sign(city.by(urbanHandler)));
        refused(incident.complete(city.by(marketHandler).saying("已处理").attaching("p")), Decision.Kind.FORBIDDEN);
    }

    @Test
    void aDepartmentOfAnotherCountyIsOutsideTheIncidentsScope() {
        Actor guangraoHandler = Actor.handler(35, "广饶执法队员", 601, GUANGRAO);
        Incident incident = city.dispatched();

        refused(incident.sign(city.by(guangraoHandler)), Decision.Kind.FORBIDDEN);
    }

    @Test
    void onlyAGridWorkerOfTheIncidentsGridResolvesOnTheSpot() {
        Incident incident = city.reported();

        refused(
                incident.resolveOnTheSpot(
                        city.by(neighbourGridWorker).saying("已劝离").attaching("p")),
                Decision.Kind.FORBIDDEN);
        refused(
                incident.resolveOnTheSpot(
                        city.by(communityDispatcher).saying("已劝离").attaching("p")),
                Decision.Kind.FORBIDDEN);
        allowed(incident.resolveOnTheSpot(city.by(gridWorker).saying("已劝离").attaching("p")));
    }

    @Test
    void resolvingOnTheSpotNeedsAResultAndEvidence() {
        Incident incident = city.reported();

        refused(incident.resolveOnTheSpot(city.by(gridWorker).attaching("p")), Decision.Kind.INVALID);
        refused(incident.resolveOnTheSpot(city.by(gridWorker).saying("已劝离")), Decision.Kind.INVALID);
    }

    @Test
    void emergenciesAndItemsAboveTheVillageAreNotResolvedOnTheSpot() {
        Incident gasLeak = city.reported(GAS_LEAK, DISTRICT_CENTRE);
        Incident fumes = city.reported(RESTAURANT_FUMES, WENHUI_CENTRE);

        refused(gasLeak.resolveOnTheSpot(city.by(gridWorker).saying("已关阀").attaching("p")), Decision.Kind.CONFLICT);
        refused(fumes.resolveOnTheSpot(city.by(gridWorker).saying("已劝说").attaching("p")), Decision.Kind.CONFLICT);
    }

    @Test
    void aResidentCannotWorkTheLoop() {
        Incident incident = city.reported();

        refused(incident.accept(city.by(resident)), Decision.Kind.FORBIDDEN);
        refused(incident.escalate(city.by(resident), WENHUI_CENTRE), Decision.Kind.FORBIDDEN);
        refused(incident.urge(city.by(resident)), Decision.Kind.FORBIDDEN);
    }

    @Test
    void administratorsConfigureThePlatformButDoNotWorkIncidents() {
        Actor admin = new Actor(1, "管理员", Role.ADMIN, 1, OrgKind.CENTRE, CITY, null);
        Incident incident = city.reported();

        refused(incident.accept(city.by(admin)), Decision.Kind.FORBIDDEN);
        refused(incident.supervise(city.by(admin).saying("督办"), TimeLimit.workingHours(8)), Decision.Kind.FORBIDDEN);
    }

    @Test
    void eachChannelIsOpenToItsOwnKindOfReporter() {
        assertThatThrownBy(() -> report(Channel.HOTLINE, resident))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(Decision.Kind.FORBIDDEN));
        assertThatThrownBy(() -> report(Channel.CITIZEN, gridWorker)).isInstanceOf(ActionRefused.class);
        assertThatThrownBy(() -> report(Channel.SENSOR, communityDispatcher)).isInstanceOf(ActionRefused.class);

        assertThat(report(Channel.CITIZEN, resident).status()).isEqualTo(Status.REPORTED);
        assertThat(report(Channel.GRID_WORKER, gridWorker).status()).isEqualTo(Status.REPORTED);
        assertThat(report(Channel.PATROL, gridWorker).status()).isEqualTo(Status.REPORTED);
        assertThat(report(Channel.HOTLINE, cityDispatcher).status()).isEqualTo(Status.REPORTED);
        assertThat(report(Channel.HOTLINE, Actor.SYSTEM).status()).isEqualTo(Status.REPORTED);
        assertThat(report(Channel.VISIT, communityDispatcher).status()).isEqualTo(Status.REPORTED);
        assertThat(report(Channel.SENSOR, Actor.SYSTEM).status()).isEqualTo(Status.REPORTED);
    }

    @Test
    void aGridWorkerCannotReportOutsideTheirRegion() {
        assertThatThrownBy(() -> report(Channel.GRID_WORKER, dawangGridWorker))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(Decision.Kind.FORBIDDEN));
    }

    @Test
    void aReportNeedsADescriptionOfAtMostFourThousandCharacters() {
        assertThatThrownBy(() -> report("  "))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(Decision.Kind.INVALID));
        assertThatThrownBy(() -> report("噪".repeat(4001)))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.reason()).contains("4000"));
        assertThat(report("噪".repeat(4000)).intake().text()).hasSize(4000);
    }

    @Test
    void aReportCarriesAtMostNinePhotos() {
        Intake intake = intake(Channel.CITIZEN, "占道经营");
        Act tenPhotos = city.by(resident).attaching("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        assertThatThrownBy(() -> Incident.report(
                        IncidentId.random(), intake, STREET_VENDING, COMMUNITY_CENTRE, tenPhotos, DEADLINES))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(Decision.Kind.INVALID));
    }

    @Test
    void theOwningCentreMustServeTheIncidentsRegion() {
        assertThatThrownBy(() -> Incident.report(
                        IncidentId.random(),
                        intake(Channel.CITIZEN, "占道经营"),
                        STREET_VENDING,
                        HUANGHELU_CENTRE,
                        city.by(resident),
                        DEADLINES))
                .isInstanceOfSatisfying(
                        ActionRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(Decision.Kind.INVALID));
    }

    @Test
    void onlyTheReporterEvaluatesTheResult() {
        Incident incident = city.closed();

        refused(incident.evaluate(city.by(otherResident), Satisfaction.SATISFIED), Decision.Kind.FORBIDDEN);
        refused(incident.evaluate(city.by(communityDispatcher), Satisfaction.SATISFIED), Decision.Kind.FORBIDDEN);
        allowed(incident.evaluate(city.by(resident), Satisfaction.SATISFIED));
        refused(incident.evaluate(city.by(resident), Satisfaction.DISSATISFIED), Decision.Kind.CONFLICT);
    }

    @Test
    void forAHotlineCallerWithoutAnAccountTheOwningCentreRecordsTheReturnCall() {
        Intake intake = new Intake(
                Channel.HOTLINE,
                "来电反映小区门口占道经营",
                new Place(null, null, "东营区文汇街道东营社区"),
                COMMUNITY_GRID,
                DONGYING_COMMUNITY,
                Reporter.withoutAccount("张先生"));
        Incident incident = Incident.report(
                IncidentId.random(), intake, STREET_VENDING, COMMUNITY_CENTRE, city.by(cityDispatcher), DEADLINES);
        allowed(incident.resolveOnTheSpot(city.by(gridWorker).saying("已劝离").attaching("p")));

        refused(incident.evaluate(city.by(resident), Satisfaction.SATISFIED), Decision.Kind.FORBIDDEN);
        allowed(incident.evaluate(city.by(communityDispatcher).saying("回访满意"), Satisfaction.SATISFIED));
    }

    @Test
    void aResidentAGridWorkerReportedForRatesThroughTheirTrackingCode() {
        // 代报: the grid worker reports on the resident's behalf; the resident has no account but holds the code
        Intake intake = new Intake(
                Channel.GRID_WORKER,
                "代群众反映：楼下商铺音响扰民",
                new Place(null, null, "东营区文汇街道东营社区"),
                COMMUNITY_GRID,
                DONGYING_COMMUNITY,
                Reporter.withoutAccount("赵女士"));
        Incident incident = Incident.report(
                IncidentId.random(), intake, STREET_VENDING, COMMUNITY_CENTRE, city.by(gridWorker), DEADLINES);
        allowed(incident.resolveOnTheSpot(city.by(gridWorker).saying("已劝导").attaching("p")));

        refused(incident.evaluate(city.by(resident), Satisfaction.SATISFIED), Decision.Kind.FORBIDDEN);
        refused(incident.evaluate(city.by(gridWorker), Satisfaction.SATISFIED), Decision.Kind.FORBIDDEN);
        allowed(incident.evaluate(city.by(Actor.anonymousResident("群众")), Satisfaction.SATISFIED));
    }

    @Test
    void aLeaderSupervisesWithinTheirRegionOnly() {
        Incident incident = city.inProgress();

        refused(
                incident.supervise(city.by(guangraoLeader).saying("督办"), TimeLimit.workingHours(8)),
                Decision.Kind.FORBIDDEN);
        allowed(incident.supervise(city.by(districtLeader).saying("请今日办结"), TimeLimit.workingHours(8)));
    }

    @Test
    void aTownLeaderDoesNotSuperviseWhatTheDistrictCentreOwns() {
        Actor wenhuiLeader = Actor.leader(43, "街道领导", 100, WENHUI);
        Incident incident = city.accepted();
        allowed(incident.escalate(city.by(communityDispatcher), WENHUI_CENTRE));
        allowed(incident.escalate(city.by(wenhuiDispatcher), DISTRICT_CENTRE));

        refused(
                incident.supervise(city.by(wenhuiLeader).saying("督办"), TimeLimit.workingHours(8)),
                Decision.Kind.FORBIDDEN);
        refused(incident.urge(city.by(wenhuiLeader)), Decision.Kind.FORBIDDEN);
        allowed(incident.supervise(city.by(districtLeader).saying("今日内派遣"), TimeLimit.workingHours(4)));
    }

    @Test
    void theOwningCentreDoesNotSuperviseItselfButMayUrgeItsDepartment() {
        Incident incident = city.inProgress();

        refused(
                incident.supervise(city.by(communityDispatcher).saying("督办"), TimeLimit.workingHours(8)),
                Decision.Kind.FORBIDDEN);
        allowed(incident.urge(city.by(communityDispatcher).saying("请尽快处置")));
    }

    @Test
    void theOwningCentreCannotUrgeWorkStillOnItsOwnDesk() {
        Incident incident = city.accepted();

        refused(incident.urge(city.by(communityDispatcher)), Decision.Kind.FORBIDDEN);
        allowed(incident.urge(city.by(wenhuiDispatcher).saying("请尽快派遣")));
    }

    @Test
    void aRefusalCanBeThrownForCallersThatPreferExceptions() {
        Incident incident = city.reported();

        assertThatThrownBy(() -> incident.accept(city.by(districtDispatcher)).orThrow())
                .isInstanceOfSatisfying(ActionRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(Decision.Kind.FORBIDDEN);
                    assertThat(refused.reason()).contains("owning centre 1000");
                });
    }

    private Incident report(Channel channel, Actor actor) {
        return Incident.report(
                IncidentId.random(),
                intake(channel, "小区门口占道经营"),
                STREET_VENDING,
                COMMUNITY_CENTRE,
                city.by(actor),
                DEADLINES);
    }

    private Incident report(String text) {
        return Incident.report(
                IncidentId.random(),
                intake(Channel.CITIZEN, text),
                STREET_VENDING,
                COMMUNITY_CENTRE,
                city.by(resident),
                DEADLINES);
    }

    private static Intake intake(Channel channel, String text) {
        return new Intake(
                channel,
                text,
                new Place(118.5821, 37.4488, null),
                COMMUNITY_GRID,
                DONGYING_COMMUNITY,
                new Reporter(resident.userId(), resident.name()));
    }
}
