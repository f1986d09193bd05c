package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.domain.Dongying.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.TimeLimit;

/** The loop's behaviour, action by action: what each changes, counts and announces. */
class IncidentLoopTests {

    private final Dongying city = new Dongying();

    @Test
    void aNewReportIsOwnedByTheVillageCentreAndWaitsForAcceptance() {
        Incident incident = city.reported();

        assertThat(incident.status()).isEqualTo(Status.REPORTED);
        assertThat(incident.owner()).isEqualTo(COMMUNITY_CENTRE);
        assertThat(incident.version()).isEqualTo(1);
        assertThat(incident.stage()).get().extracting(StageWindow::stage).isEqualTo(Stage.ACCEPT);
        assertThat(incident.pullEvents()).singleElement().isInstanceOf(IncidentReported.class);
        assertThat(incident.history()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.REPORT);
            assertThat(entry.fromStatus()).isNull();
            assertThat(entry.comment()).isEqualTo("小区门口有商贩占道经营，影响通行");
            assertThat(entry.attachmentIds()).containsExactly("photo-1");
        });
    }

    @Test
    void aSingleDispatchIsSignedHandledVerifiedAndClosedAtTheOwningCentresLevel() {
        Incident incident = city.closed();

        assertThat(incident.status()).isEqualTo(Status.CLOSED);
        assertThat(incident.resolutionLevel()).contains(Level.VILLAGE);
        assertThat(incident.result()).contains("已劝离商贩并清理现场");
        assertThat(incident.stage()).isEmpty();
        assertThat(actions(incident))
                .containsExactly(
                        Action.REPORT,
                        Action.ACCEPT,
                        Action.DISPATCH,
                        Action.SIGN,
                        Action.COMPLETE,
                        Action.VERIFY_PASS);
        assertThat(incident.pullEvents())
                .extracting(Object::getClass)
                .containsExactly(
                        IncidentReported.class,
                        IncidentAccepted.class,
                        IncidentDispatched.class,
                        IncidentSigned.class,
                        IncidentCompleted.class,
                        IncidentClosed.class);
    }

    @Test
    void theVersionRisesByOnePerAcceptedActionAndEqualsTheNumberOfHistoryEntries() {
        Incident incident = city.handled();

        assertThat(incident.version()).isEqualTo(5).isEqualTo(incident.history().size());
        refused(incident.sign(city.by(urbanHandler)), Decision.Kind.CONFLICT);
        assertThat(incident.version()).isEqualTo(5);
    }

    @Test
    void aFailedVerificationSendsTheWorkBackAndCountsARework() {
        Incident incident = city.handled();
        city.setNow(at("2026-03-10T14:00"));

        Decision decision = incident.verify(city.by(gridWorker).saying("商贩又回来了"), false);

        allowed(decision);
        assertThat(incident.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(incident.tally().reworks()).isEqualTo(1);
        StageWindow handle = incident.stage().orElseThrow();
        assertThat(handle.stage()).isEqualTo(Stage.HANDLE);
        assertThat(handle.startedAt()).isEqualTo(at("2026-03-10T14:10"));
        // 10 working hours from Tuesday 14:10: 3 h 20 min that afternoon, 6 h 40 min on Wednesday.
        assertThat(handle.deadline()).isEqualTo(at("2026-03-11T16:40"));
        assertThat(incident.pullEvents()).last().isInstanceOfSatisfying(IncidentVerificationFailed.class, failed -> {
            assertThat(failed.reworks()).isEqualTo(1);
            assertThat(failed.departmentOrgIds()).containsExactly(URBAN_MANAGEMENT.orgId());
        });

        allowed(incident.complete(city.by(urbanHandler).saying("已再次清理").attaching("photo-2")));
        allowed(incident.verify(city.by(gridWorker), true));
        assertThat(incident.tally().reworks()).isEqualTo(1);
        assertThat(incident.status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void aFailedVerificationNeedsAReason() {
        Incident incident = city.handled();

        refused(incident.verify(city.by(gridWorker), false), Decision.Kind.INVALID);
    }

    @Test
    void aReturnSendsTheIncidentBackToTheOwningCentreAndIsCounted() {
        Incident incident = city.dispatched();

        allowed(incident.returnToCentre(city.by(urbanHandler).saying("属市场监管职责")));

        assertThat(incident.status()).isEqualTo(Status.ACCEPTED);
        assertThat(incident.owner()).isEqualTo(COMMUNITY_CENTRE);
        assertThat(incident.handling()).isEmpty();
        assertThat(incident.tally().returns()).isEqualTo(1);
        assertThat(incident.stage()).get().extracting(StageWindow::stage).isEqualTo(Stage.ACCEPT);
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(MARKET)));
        allowed(incident.sign(city.by(marketHandler)));
    }

    @Test
    void aReturnNeedsAReasonAndIsNotPossibleAfterSigning() {
        Incident incident = city.dispatched();

        refused(incident.returnToCentre(city.by(urbanHandler)), Decision.Kind.INVALID);
        allowed(incident.sign(city.by(urbanHandler)));
        refused(incident.returnToCentre(city.by(urbanHandler).saying("不归我们管")), Decision.Kind.CONFLICT);
    }

    @Test
    void anApprovedExtensionMovesTheHandleDeadline() {
        Incident incident = city.inProgress();
        // Dispatched Monday 09:30 with 10 working hours: 6.5 h on Monday, 3.5 h on Tuesday morning.
        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(at("2026-03-10T12:00"));

        allowed(incident.requestExtension(city.by(urbanHandler).saying("需联系商户"), Duration.ofHours(8)));
        assertThat(incident.pendingExtension()).isPresent();
        allowed(incident.decideExtension(city.by(communityDispatcher).saying("同意"), true));

        // 8 more working hours from Tuesday 12:00: 4 h that afternoon, 3.5 h on Wednesday morning, half an hour after
        // lunch.
        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(at("2026-03-11T14:00"));
        assertThat(incident.stage().orElseThrow().startedAt()).isEqualTo(at("2026-03-09T09:30"));
        assertThat(incident.pendingExtension()).isEmpty();
        assertThat(incident.tally().extensions()).isEqualTo(1);
        assertThat(incident.pullEvents()).last().isInstanceOfSatisfying(IncidentExtensionDecided.class, decided -> {
            assertThat(decided.approved()).isTrue();
            assertThat(decided.handleDeadline()).isEqualTo(at("2026-03-11T14:00"));
        });
    }

    @Test
    void aDeniedExtensionNeedsAReasonAndKeepsTheDeadline() {
        Incident incident = city.inProgress();
        allowed(incident.requestExtension(city.by(urbanHandler).saying("需联系商户"), Duration.ofHours(8)));

        refused(incident.decideExtension(city.by(communityDispatcher), false), Decision.Kind.INVALID);
        allowed(incident.decideExtension(city.by(communityDispatcher).saying("时限充足，请按期办结"), false));

        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(at("2026-03-10T12:00"));
        assertThat(incident.tally().extensions()).isZero();
        assertThat(actions(incident)).endsWith(Action.DENY_EXTENSION);
    }

    @Test
    void oneExtensionRequestWaitsAtATimeAndOnlyTheOwningCentreDecides() {
        Incident incident = city.inProgress();
        allowed(incident.requestExtension(city.by(urbanHandler).saying("需联系商户"), Duration.ofHours(8)));

        refused(
                incident.requestExtension(city.by(urbanHandler).saying("再延"), Duration.ofHours(4)),
                Decision.Kind.CONFLICT);
        refused(incident.decideExtension(city.by(wenhuiDispatcher), true), Decision.Kind.FORBIDDEN);
        refused(incident.decideExtension(city.by(urbanHandler), true), Decision.Kind.FORBIDDEN);
    }

    @Test
    void thereIsNothingToDecideWithoutARequest() {
        refused(city.inProgress().decideExtension(city.by(communityDispatcher), true), Decision.Kind.CONFLICT);
    }

    @Test
    void aJointTaskCannotBeCompletedBeforeEveryAssistingDepartmentReportedIn() {
        Incident incident = city.accepted();
        allowed(incident.dispatch(
                city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY, MARKET))));
        allowed(incident.sign(city.by(urbanHandler)));
        allowed(incident.reportIn(city.by(ecologyHandler)));
        allowed(incident.recordPart(city.by(ecologyHandler).saying("已检测")));

        Decision early = incident.complete(city.by(urbanHandler).saying("已处理").attaching("p"));

        refused(early, Decision.Kind.CONFLICT);
        assertThat(((Decision.Rejected) early).reason()).contains("504").doesNotContain("502");
        allowed(incident.reportIn(city.by(marketHandler)));
        refused(incident.complete(city.by(urbanHandler).saying("已处理").attaching("p")), Decision.Kind.CONFLICT);
        allowed(incident.recordPart(city.by(marketHandler).saying("已核查商户证照")));
        allowed(incident.complete(city.by(urbanHandler).saying("已处理").attaching("p")));
        assertThat(incident.handling().orElseThrow().assisting()).allSatisfy(assist -> {
            assertThat(assist.hasReportedIn()).isTrue();
            assertThat(assist.hasRecordedPart()).isTrue();
        });
    }

    @Test
    void anAssistingDepartmentReportsInOnceBeforeRecordingItsPartOnce() {
        Incident incident = city.accepted();
        allowed(incident.dispatch(
                city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY))));

        refused(incident.recordPart(city.by(ecologyHandler).saying("已检测")), Decision.Kind.CONFLICT);
        allowed(incident.reportIn(city.by(ecologyHandler)));
        refused(incident.reportIn(city.by(ecologyHandler)), Decision.Kind.CONFLICT);
        refused(incident.recordPart(city.by(ecologyHandler)), Decision.Kind.INVALID);
        allowed(incident.recordPart(city.by(ecologyHandler).saying("已检测")));
        refused(incident.recordPart(city.by(ecologyHandler).saying("再补充")), Decision.Kind.CONFLICT);
        refused(incident.reportIn(city.by(urbanHandler)), Decision.Kind.FORBIDDEN);
        refused(incident.reportIn(city.by(marketHandler)), Decision.Kind.FORBIDDEN);
    }

    @Test
    void jointHandlingNeedsAnItemThatAllowsItAndAtLeastOneOtherDepartment() {
        Incident parking = city.reported(ILLEGAL_PARKING, COMMUNITY_CENTRE);
        allowed(parking.accept(city.by(communityDispatcher)));
        Incident vending = city.accepted();

        refused(
                parking.dispatch(city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY))),
                Decision.Kind.CONFLICT);
        refused(
                vending.dispatch(city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of())),
                Decision.Kind.INVALID);
        refused(
                vending.dispatch(
                        city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(URBAN_MANAGEMENT))),
                Decision.Kind.INVALID);
    }

    @Test
    void workGoesOnlyToDepartmentsServingTheIncidentsRegion() {
        Incident incident = city.accepted();

        refused(
                incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(GUANGRAO_URBAN)),
                Decision.Kind.INVALID);
    }

    @Test
    void aDualDispatchIsVerifiedByItsSupervisingGridWorkerOrTheCentre() {
        Incident incident = city.accepted();
        allowed(incident.dispatch(
                city.by(communityDispatcher), new Dispatch.Dual(HOUSING, neighbourGridWorker.userId())));
        allowed(incident.sign(city.by(housingHandler)));
        allowed(incident.complete(city.by(housingHandler).saying("已修复").attaching("p")));

        refused(incident.verify(city.by(gridWorker), true), Decision.Kind.FORBIDDEN);
        allowed(incident.verify(city.by(neighbourGridWorker), true));
        assertThat(incident.handling().orElseThrow().supervisorUserId()).isEqualTo(neighbourGridWorker.userId());
    }

    @Test
    void aDuplicateMergedIntoAnotherIncidentCountsAsItsSupporter() {
        Incident survivor = city.accepted();
        Incident duplicate = city.reported();
        Incident another = city.reported();
        survivor.pullEvents();

        allowed(duplicate.mergeInto(survivor, city.by(communityDispatcher).saying("同一摊位")));
        allowed(another.mergeInto(survivor, city.by(communityDispatcher)));

        assertThat(duplicate.status()).isEqualTo(Status.MERGED);
        assertThat(duplicate.mergedInto()).contains(survivor.id());
        assertThat(duplicate.stage()).isEmpty();
        assertThat(survivor.status()).isEqualTo(Status.ACCEPTED);
        assertThat(survivor.tally().supporters()).isEqualTo(2);
        assertThat(actions(survivor)).endsWith(Action.ADD_SUPPORTER, Action.ADD_SUPPORTER);
        assertThat(survivor.pullEvents())
                .last()
                .isInstanceOfSatisfying(
                        IncidentSupporterAdded.class,
                        added -> assertThat(added.supporters()).isEqualTo(2));
    }

    @Test
    void mergingIsRefusedForAnotherItemForItselfAndIntoAClosedIncident() {
        Incident parking = city.reported(ILLEGAL_PARKING, COMMUNITY_CENTRE);
        Incident vending = city.reported();
        Incident closed = city.closed();
        IncidentSnapshot closedBefore = closed.snapshot();

        refused(vending.mergeInto(parking, city.by(communityDispatcher)), Decision.Kind.CONFLICT);
        refused(vending.mergeInto(vending, city.by(communityDispatcher)), Decision.Kind.CONFLICT);
        refused(vending.mergeInto(closed, city.by(communityDispatcher)), Decision.Kind.CONFLICT);

        assertThat(vending.status()).isEqualTo(Status.REPORTED);
        assertThat(closed.snapshot()).isEqualTo(closedBefore);
    }

    @Test
    void dispatchingDownHandsOwnershipToTheLowerCentre() {
        Incident incident = city.reported(STREET_VENDING, WENHUI_CENTRE);
        allowed(incident.accept(city.by(wenhuiDispatcher)));

        refused(
                incident.dispatch(city.by(wenhuiDispatcher), new Dispatch.Down(HUANGHELU_CENTRE)),
                Decision.Kind.INVALID);
        refused(
                incident.dispatch(city.by(wenhuiDispatcher), new Dispatch.Down(DISTRICT_CENTRE)),
                Decision.Kind.INVALID);
        allowed(incident.dispatch(city.by(wenhuiDispatcher), new Dispatch.Down(COMMUNITY_CENTRE)));

        assertThat(incident.status()).isEqualTo(Status.ACCEPTED);
        assertThat(incident.owner()).isEqualTo(COMMUNITY_CENTRE);
        assertThat(incident.stage().orElseThrow().startedAt()).isEqualTo(city.now());
        refused(
                incident.dispatch(city.by(wenhuiDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)),
                Decision.Kind.FORBIDDEN);
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
    }

    @Test
    void escalationHandsTheIncidentToTheParentCentreAndRaisesTheLevel() {
        Incident incident = city.accepted();

        allowed(incident.escalate(city.by(communityDispatcher).saying("社区无法协调"), WENHUI_CENTRE));

        assertThat(incident.owner()).isEqualTo(WENHUI_CENTRE);
        assertThat(incident.status()).isEqualTo(Status.ACCEPTED);
        assertThat(incident.tally().escalations()).isEqualTo(1);
        assertThat(incident.stage().orElseThrow().startedAt()).isEqualTo(city.now());
        assertThat(incident.pullEvents()).last().isInstanceOfSatisfying(IncidentEscalated.class, escalated -> {
            assertThat(escalated.fromOrgId()).isEqualTo(COMMUNITY_CENTRE.orgId());
            assertThat(escalated.toOrgId()).isEqualTo(WENHUI_CENTRE.orgId());
            assertThat(escalated.toLevel()).isEqualTo(Level.TOWN);
            assertThat(escalated.automatic()).isFalse();
        });
        refused(
                incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)),
                Decision.Kind.FORBIDDEN);
        allowed(incident.dispatch(city.by(wenhuiDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        allowed(incident.sign(city.by(urbanHandler)));
        allowed(incident.complete(city.by(urbanHandler).saying("已清理").attaching("p")));
        allowed(incident.verify(city.by(wenhuiDispatcher), true));
        assertThat(incident.resolutionLevel()).contains(Level.TOWN);
    }

    @Test
    void anEscalationGoesToTheParentCentreNotPastIt() {
        Incident incident = city.accepted();

        refused(incident.escalate(city.by(communityDispatcher), DISTRICT_CENTRE), Decision.Kind.INVALID);
        refused(incident.escalate(city.by(communityDispatcher), HUANGHELU_CENTRE), Decision.Kind.INVALID);
        refused(incident.escalate(city.by(communityDispatcher), null), Decision.Kind.INVALID);
    }

    @Test
    void anEmergencyMayGoUpMoreThanOneLevelAtOnce() {
        Incident incident = city.reported(GAS_LEAK, COMMUNITY_CENTRE);

        allowed(incident.escalate(city.by(communityDispatcher).saying("燃气泄漏，直报区指挥中心"), DISTRICT_CENTRE));

        assertThat(incident.owner()).isEqualTo(DISTRICT_CENTRE);
        assertThat(incident.status()).isEqualTo(Status.REPORTED);
    }

    @Test
    void theCityCentreHasNoCentreAboveIt() {
        Incident incident = city.reported(STREET_VENDING, CITY_CENTRE);

        refused(incident.escalate(city.by(cityDispatcher), CITY_CENTRE), Decision.Kind.CONFLICT);
    }

    @Test
    void anUnsatisfiedEvaluationLetsTheOwningCentreReopen() {
        Incident incident = city.closed();
        refused(incident.reopen(city.by(communityDispatcher)), Decision.Kind.CONFLICT);

        allowed(incident.evaluate(city.by(resident).saying("商贩第二天又来了"), Satisfaction.DISSATISFIED));
        allowed(incident.reopen(city.by(communityDispatcher).saying("重新派遣")));

        assertThat(incident.status()).isEqualTo(Status.ACCEPTED);
        assertThat(incident.tally().reopens()).isEqualTo(1);
        assertThat(incident.resolutionLevel()).isEmpty();
        assertThat(incident.closedAt()).isEmpty();
        assertThat(incident.satisfaction()).isEmpty();
        assertThat(incident.handling()).isEmpty();
        assertThat(incident.stage()).get().extracting(StageWindow::stage).isEqualTo(Stage.ACCEPT);
        assertThat(actions(incident)).endsWith(Action.VERIFY_PASS, Action.EVALUATE, Action.REOPEN);
    }

    @Test
    void aSatisfiedEvaluationClosesTheMatter() {
        Incident incident = city.closed();
        allowed(incident.evaluate(city.by(resident), Satisfaction.BASICALLY_SATISFIED));

        refused(incident.reopen(city.by(communityDispatcher)), Decision.Kind.CONFLICT);
        assertThat(incident.satisfaction()).contains(Satisfaction.BASICALLY_SATISFIED);
    }

    @Test
    void evaluationWaitsForClosing() {
        refused(city.handled().evaluate(city.by(resident), Satisfaction.SATISFIED), Decision.Kind.CONFLICT);
    }

    @Test
    void urgingIsCountedAndNamesTheHandlingDepartments() {
        Incident incident = city.inProgress();
        incident.pullEvents();

        allowed(incident.urge(city.by(districtDispatcher).saying("群众反映强烈，请加快")));
        allowed(incident.urge(city.by(districtLeader)));

        assertThat(incident.tally().urges()).isEqualTo(2);
        assertThat(incident.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(incident.pullEvents()).first().isInstanceOfSatisfying(IncidentUrged.class, urged -> {
            assertThat(urged.byOrgId()).isEqualTo(DISTRICT_CENTRE.orgId());
            assertThat(urged.ownerOrgId()).isEqualTo(COMMUNITY_CENTRE.orgId());
            assertThat(urged.departmentOrgIds()).containsExactly(URBAN_MANAGEMENT.orgId());
        });
    }

    @Test
    void aSupervisionOrderHasItsOwnDeadlineAndOneReply() {
        Incident incident = city.inProgress();
        city.setNow(at("2026-03-13T16:50"));

        allowed(incident.supervise(city.by(districtLeader).saying("请于下周一前办结并回复"), TimeLimit.workingHours(8)));

        SupervisionOrder order = incident.supervisions().get(0);
        assertThat(order.number()).isEqualTo(1);
        assertThat(order.issuerOrgId()).isEqualTo(DISTRICT_CENTRE.orgId());
        // Friday 17:00 plus 8 working hours: half an hour on Friday, 7.5 h on Monday.
        assertThat(order.deadline()).isEqualTo(at("2026-03-16T17:30"));
        assertThat(order.isOverdue(at("2026-03-16T17:31"))).isTrue();

        refused(incident.replyToSupervision(city.by(marketHandler).saying("收到"), 1), Decision.Kind.FORBIDDEN);
        refused(incident.replyToSupervision(city.by(urbanHandler).saying("收到"), 2), Decision.Kind.INVALID);
        refused(incident.replyToSupervision(city.by(urbanHandler), 1), Decision.Kind.INVALID);
        allowed(incident.replyToSupervision(city.by(urbanHandler).saying("已安排周一上午清理"), 1));
        refused(incident.replyToSupervision(city.by(communityDispatcher).saying("补充"), 1), Decision.Kind.CONFLICT);

        assertThat(incident.supervisions().get(0).reply()).isEqualTo("已安排周一上午清理");
        assertThat(incident.supervisions().get(0).isOverdue(at("2026-03-16T17:31")))
                .isFalse();
        assertThat(incident.pullEvents())
                .last()
                .isInstanceOfSatisfying(
                        SupervisionReplied.class,
                        replied -> assertThat(replied.issuerOrgId()).isEqualTo(10));
    }

    @Test
    void aSupervisionOrderNeedsAnInstruction() {
        refused(city.inProgress().supervise(city.by(districtLeader), TimeLimit.workingHours(8)), Decision.Kind.INVALID);
    }

    @Test
    void runningIncidentsKeepTheTermsTheyWereReportedUnder() {
        Incident incident = city.accepted();
        CatalogTerms revised = new CatalogTerms(
                STREET_VENDING.itemCode(),
                STREET_VENDING.itemName(),
                STREET_VENDING.departmentCodes(),
                Level.TOWN,
                TimeLimit.workingHours(1),
                TimeLimit.workingHours(2),
                TimeLimit.workingHours(1),
                false,
                false,
                false);
        assertThat(revised).isNotEqualTo(incident.terms());

        allowed(incident.dispatch(
                city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY))));

        assertThat(incident.terms()).isEqualTo(STREET_VENDING);
        // Still the 10 working hours of the terms at intake, not the revised 2: from Monday 09:30 to Tuesday 12:00.
        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(at("2026-03-10T12:00"));
    }

    @Test
    void aRejectedReportIsClosedForGoodWithItsReason() {
        Incident incident = city.reported();
        refused(incident.reject(city.by(communityDispatcher)), Decision.Kind.INVALID);

        allowed(incident.reject(city.by(communityDispatcher).saying("非本辖区事项，已告知来电人")));

        assertThat(incident.status()).isEqualTo(Status.REJECTED);
        assertThat(incident.stage()).isEmpty();
        assertThat(incident.light(city.tick())).isEmpty();
        assertThat(incident.history().get(1).comment()).isEqualTo("非本辖区事项，已告知来电人");
    }

    @Test
    void stageTimesAreCountedInWorkingTimeAndSummedOverRepeats() {
        Incident incident = city.reported(); // Monday 09:10
        city.setNow(at("2026-03-09T09:50"));
        allowed(incident.accept(city.by(communityDispatcher))); // 10:00
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT))); // 10:10
        city.setNow(at("2026-03-09T16:50"));
        allowed(incident.sign(city.by(urbanHandler))); // 17:00
        city.setNow(at("2026-03-10T08:50"));
        allowed(incident.complete(city.by(urbanHandler).saying("已清理").attaching("p"))); // Tuesday 09:00
        allowed(incident.verify(city.by(gridWorker).saying("未清理干净"), false)); // 09:10
        allowed(incident.complete(city.by(urbanHandler).saying("已再次清理").attaching("p"))); // 09:20
        allowed(incident.verify(city.by(gridWorker), true)); // 09:30

        StageTimes times = incident.stageTimes();
        assertThat(times.accept()).isEqualTo(Duration.ofMinutes(60));
        // Monday 10:10-17:30 less the lunch break is 5 h 50 min, Tuesday 08:30-09:00 half an hour, then 10 min.
        assertThat(times.handle()).isEqualTo(Duration.ofMinutes(350 + 30 + 10));
        assertThat(times.verify()).isEqualTo(Duration.ofMinutes(20));
        assertThat(incident.pullEvents()).last().isInstanceOfSatisfying(IncidentClosed.class, closed -> {
            assertThat(closed.stageTimes()).isEqualTo(times);
            assertThat(closed.resolutionLevel()).isEqualTo(Level.VILLAGE);
            assertThat(closed.closedBy()).isEqualTo(Action.VERIFY_PASS);
        });
    }
}
