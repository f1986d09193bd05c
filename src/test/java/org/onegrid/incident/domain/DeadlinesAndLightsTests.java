package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.domain.Dongying.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.time.Light;

/**
 * Stage deadlines on the statutory calendar (office hours 08:30–12:00 and 13:30–17:30, holidays and 调休),
 * the traffic light, and the overdue scan with its automatic escalation.
 */
class DeadlinesAndLightsTests {

    @Test
    void aTwoHourAcceptLimitFromFridayAtFivePmRunsOutOnMondayAtTen() {
        Incident incident = reportedAt("2026-03-13T17:00", STREET_VENDING);

        // Half an hour on Friday, an hour and a half on Monday morning.
        assertThat(acceptDeadline(incident)).isEqualTo(at("2026-03-16T10:00"));
    }

    @Test
    void aTwoHourAcceptLimitFromFridayAtClosingTimeRunsOutOnMondayAtHalfPastTen() {
        assertThat(acceptDeadline(reportedAt("2026-03-13T17:30", STREET_VENDING)))
                .isEqualTo(at("2026-03-16T10:30"));
        assertThat(acceptDeadline(reportedAt("2026-03-14T11:00", STREET_VENDING)))
                .as("reported on Saturday")
                .isEqualTo(at("2026-03-16T10:30"));
    }

    @Test
    void theQingmingHolidayMovesTheDeadlineToTuesday() {
        // Saturday 04-04 to Monday 04-06 is 清明.
        assertThat(acceptDeadline(reportedAt("2026-04-03T17:00", STREET_VENDING)))
                .isEqualTo(at("2026-04-07T10:00"));
    }

    @Test
    void anAdjustedWorkingSaturdayCounts() {
        // Saturday 2026-02-14 is worked (调休) before 春节.
        assertThat(acceptDeadline(reportedAt("2026-02-13T17:00", STREET_VENDING)))
                .isEqualTo(at("2026-02-14T10:00"));
    }

    @Test
    void naturalHourLimitsCountNightsAndWeekends() {
        Incident incident = reportedAt("2026-03-14T20:00", BROKEN_ACCESSIBILITY);

        assertThat(acceptDeadline(incident)).isEqualTo(at("2026-03-14T21:00"));
        assertThat(incident.light(at("2026-03-14T20:47"))).contains(Light.GREEN);
        assertThat(incident.light(at("2026-03-14T20:48"))).contains(Light.YELLOW);
        assertThat(incident.light(at("2026-03-14T21:01"))).contains(Light.RED);
    }

    @Test
    void theLightIsGreenAt79PercentYellowAt80PercentAndRedOnceOverdue() {
        Dongying city = new Dongying(at("2026-03-09T08:00"));
        Incident incident = city.accepted();
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        StageWindow handle = incident.stage().orElseThrow();
        // 10 working hours from Monday 08:30: the whole Monday (7.5 h) and Tuesday until 11:00.
        assertThat(handle.startedAt()).isEqualTo(at("2026-03-09T08:30"));
        assertThat(handle.deadline()).isEqualTo(at("2026-03-10T11:00"));
        // 80 % is 8 working hours: Tuesday 09:00; 79 % is 7 h 54 min: Tuesday 08:54.
        assertThat(handle.yellowAt()).isEqualTo(at("2026-03-10T09:00"));

        assertThat(incident.light(at("2026-03-09T17:00"))).contains(Light.GREEN);
        assertThat(incident.light(at("2026-03-10T08:54"))).as("79 %").contains(Light.GREEN);
        assertThat(incident.light(at("2026-03-10T09:00").minusMillis(1))).contains(Light.GREEN);
        assertThat(incident.light(at("2026-03-10T09:00"))).as("80 %").contains(Light.YELLOW);
        assertThat(incident.light(at("2026-03-10T11:00"))).as("due now").contains(Light.YELLOW);
        assertThat(incident.light(at("2026-03-10T11:00").plusMillis(1)))
                .as("overdue")
                .contains(Light.RED);
    }

    @Test
    void timeOutsideOfficeHoursDoesNotTurnTheLightYellow() {
        Incident incident = reportedAt("2026-03-14T10:00", STREET_VENDING);

        // Two working hours from Saturday: Monday 08:30–10:30; 80 % is 96 minutes, Monday 10:06.
        assertThat(incident.light(at("2026-03-15T23:00"))).contains(Light.GREEN);
        assertThat(incident.light(at("2026-03-16T10:05"))).contains(Light.GREEN);
        assertThat(incident.light(at("2026-03-16T10:06"))).contains(Light.YELLOW);
    }

    @Test
    void signingDoesNotRestartTheHandleStage() {
        Dongying city = new Dongying();
        Incident incident = city.dispatched();
        StageWindow beforeSigning = incident.stage().orElseThrow();
        city.setNow(at("2026-03-10T10:00"));

        allowed(incident.sign(city.by(urbanHandler)));

        assertThat(incident.stage()).contains(beforeSigning);
    }

    @Test
    void acceptingDoesNotRestartTheAcceptStage() {
        Dongying city = new Dongying();
        Incident incident = city.reported();
        StageWindow beforeAccepting = incident.stage().orElseThrow();

        allowed(incident.accept(city.by(communityDispatcher)));

        assertThat(incident.stage()).contains(beforeAccepting);
    }

    @Test
    void completingStartsTheVerifyStage() {
        Dongying city = new Dongying();
        Incident incident = city.handled(); // completed on Monday 09:50

        StageWindow verify = incident.stage().orElseThrow();
        assertThat(verify.stage()).isEqualTo(Stage.VERIFY);
        assertThat(verify.deadline()).isEqualTo(at("2026-03-09T15:20"));
    }

    @Test
    void aClosedIncidentHasNoLight() {
        Dongying city = new Dongying();
        Incident incident = city.closed();

        assertThat(incident.light(at("2026-12-01T09:00"))).isEmpty();
        assertThat(incident.stage()).isEmpty();
    }

    @Test
    void anApprovedExtensionMovesTheYellowPointToo() {
        Dongying city = new Dongying(at("2026-03-09T08:00"));
        Incident incident = city.accepted();
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        allowed(incident.sign(city.by(urbanHandler)));
        allowed(incident.requestExtension(city.by(urbanHandler).saying("等待配件"), Duration.ofMinutes(150)));
        allowed(incident.decideExtension(city.by(communityDispatcher), true));

        // 12.5 working hours from Monday 08:30: until Tuesday 15:00; 80 % is 10 h: Tuesday 11:00.
        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(at("2026-03-10T15:00"));
        assertThat(incident.stage().orElseThrow().yellowAt()).isEqualTo(at("2026-03-10T11:00"));
        assertThat(incident.light(at("2026-03-10T10:59"))).contains(Light.GREEN);
    }

    @Test
    void overdueIsRecordedOncePerStage() {
        Dongying city = new Dongying();
        Incident incident = city.reported(ILLEGAL_PARKING, COMMUNITY_CENTRE); // Monday 09:10, due 11:10
        incident.pullEvents();

        refused(incident.markOverdue(at("2026-03-09T11:10"), WENHUI_CENTRE), Decision.Kind.CONFLICT);
        allowed(incident.markOverdue(at("2026-03-09T11:11"), WENHUI_CENTRE));
        refused(incident.markOverdue(at("2026-03-09T11:12"), WENHUI_CENTRE), Decision.Kind.CONFLICT);

        assertThat(incident.tally().overdues()).isEqualTo(1);
        assertThat(incident.owner()).as("no automatic escalation for this item").isEqualTo(COMMUNITY_CENTRE);
        assertThat(incident.stage().orElseThrow().overdueMarked()).isTrue();
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOverdue.class, overdue -> {
            assertThat(overdue.stage()).isEqualTo(Stage.ACCEPT);
            assertThat(overdue.deadline()).isEqualTo(at("2026-03-09T11:10"));
            assertThat(overdue.actorId()).isZero();
        });
        assertThat(incident.history().get(1).role()).isEqualTo(Role.SYSTEM);

        city.setNow(at("2026-03-09T11:20"));
        allowed(incident.accept(city.by(communityDispatcher)));
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        assertThat(incident.light(at("2026-03-09T11:41"))).contains(Light.GREEN);
        allowed(incident.markOverdue(at("2026-03-11T09:00"), WENHUI_CENTRE));
        assertThat(incident.tally().overdues()).isEqualTo(2);
    }

    @Test
    void aStageEndedPastItsDeadlineCountsAsLateEvenWhenTheScanNeverRan() {
        Dongying city = new Dongying();
        Incident incident = city.reported(ILLEGAL_PARKING, COMMUNITY_CENTRE); // Monday 09:10, 受理 due 11:10

        // accepted and dispatched ten minutes late, and nothing marked it overdue before
        city.setNow(at("2026-03-09T11:20"));
        allowed(incident.accept(city.by(communityDispatcher)));
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        assertThat(incident.tally().overdues()).isEqualTo(1);

        // signed and completed in time: nothing more
        allowed(incident.sign(city.by(urbanHandler)));
        assertThat(incident.tally().overdues()).isEqualTo(1);
    }

    @Test
    void aStageTheScanMarkedIsNotCountedAgainWhenItEnds() {
        Dongying city = new Dongying();
        Incident incident = city.reported(ILLEGAL_PARKING, COMMUNITY_CENTRE); // due 11:10
        allowed(incident.markOverdue(at("2026-03-09T11:11"), WENHUI_CENTRE));

        city.setNow(at("2026-03-09T11:20"));
        allowed(incident.accept(city.by(communityDispatcher)));
        allowed(incident.dispatch(city.by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        assertThat(incident.tally().overdues()).isEqualTo(1);
    }

    @Test
    void anOverdueAcceptStageEscalatesAutomaticallyWhenTheItemSaysSo() {
        Dongying city = new Dongying();
        Incident incident = city.reported(); // 占道经营, Monday 09:10, due 11:10
        incident.pullEvents();

        allowed(incident.markOverdue(at("2026-03-09T11:31"), WENHUI_CENTRE));

        assertThat(incident.owner()).isEqualTo(WENHUI_CENTRE);
        assertThat(incident.status()).isEqualTo(Status.REPORTED);
        assertThat(incident.version()).isEqualTo(3);
        assertThat(incident.tally().escalations()).isEqualTo(1);
        assertThat(actions(incident)).endsWith(Action.MARK_OVERDUE, Action.AUTO_ESCALATE);
        assertThat(incident.history().subList(1, 3))
                .allSatisfy(entry -> assertThat(entry.role()).isEqualTo(Role.SYSTEM));
        assertThat(incident.pullEvents())
                .extracting(Object::getClass)
                .containsExactly(IncidentOverdue.class, IncidentEscalated.class);
        // The street centre gets its own two working hours from 11:31: until 15:01.
        StageWindow accept = incident.stage().orElseThrow();
        assertThat(accept.startedAt()).isEqualTo(at("2026-03-09T11:31"));
        assertThat(accept.deadline()).isEqualTo(at("2026-03-09T15:01"));
        assertThat(accept.overdueMarked()).isFalse();
        refused(incident.accept(city.by(communityDispatcher)), Decision.Kind.FORBIDDEN);
        allowed(incident.accept(city.by(wenhuiDispatcher)));
    }

    @Test
    void anOverdueHandleStageEscalatesWhileTheDepartmentWorksOn() {
        Dongying city = new Dongying();
        Incident incident = city.inProgress();
        StageWindow handle = incident.stage().orElseThrow();

        allowed(incident.markOverdue(at("2026-03-11T09:00"), WENHUI_CENTRE));

        assertThat(incident.owner()).isEqualTo(WENHUI_CENTRE);
        assertThat(incident.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(handle.deadline());
        assertThat(incident.light(at("2026-03-11T09:00"))).contains(Light.RED);
        refused(incident.markOverdue(at("2026-03-11T10:00"), DISTRICT_CENTRE), Decision.Kind.CONFLICT);
        allowed(incident.complete(city.by(urbanHandler).saying("已清理").attaching("p")));
        allowed(incident.verify(city.by(wenhuiDispatcher), true));
        assertThat(incident.resolutionLevel()).contains(Level.TOWN);
    }

    @Test
    void withoutAParentCentreOnlyTheOverdueIsRecorded() {
        Incident atTheTop = new Dongying().reported(STREET_VENDING, CITY_CENTRE);
        Incident unknownParent = new Dongying().reported();

        allowed(atTheTop.markOverdue(at("2026-03-10T09:00"), null));
        allowed(unknownParent.markOverdue(at("2026-03-10T09:00"), null));

        assertThat(actions(atTheTop)).endsWith(Action.REPORT, Action.MARK_OVERDUE);
        assertThat(actions(unknownParent)).endsWith(Action.REPORT, Action.MARK_OVERDUE);
        assertThat(unknownParent.owner()).isEqualTo(COMMUNITY_CENTRE);
    }

    @Test
    void aWrongParentCentreIsRefusedAndNothingIsRecorded() {
        Incident incident = new Dongying().reported();
        IncidentSnapshot before = incident.snapshot();

        refused(incident.markOverdue(at("2026-03-10T09:00"), DISTRICT_CENTRE), Decision.Kind.INVALID);

        assertThat(incident.snapshot()).isEqualTo(before);
    }

    @Test
    void nothingIsOverdueOnceClosed() {
        refused(new Dongying().closed().markOverdue(at("2026-12-01T09:00"), WENHUI_CENTRE), Decision.Kind.CONFLICT);
    }

    private static Incident reportedAt(String local, CatalogTerms terms) {
        Dongying city = new Dongying(at(local).minus(Duration.ofMinutes(10)));
        return city.reported(terms, COMMUNITY_CENTRE);
    }

    private static Instant acceptDeadline(Incident incident) {
        StageWindow stage = incident.stage().orElseThrow();
        assertThat(stage.stage()).isEqualTo(Stage.ACCEPT);
        return stage.deadline();
    }
}
