package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.domain.Dongying.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.worktime.TimeMode;

/**
 * Walks every pair of status and action: brings an incident into the status, lets the actor who would be
 * entitled try the action with everything it needs, and checks that it goes through exactly where {@link
 * Transitions} has a row — arriving where the row says — and is refused as a conflict, changing nothing,
 * everywhere else.
 */
class TransitionsTests {

    static Stream<Arguments> everyStatusAndAction() {
        return Arrays.stream(Status.values())
                .flatMap(status -> Arrays.stream(Action.values())
                        .filter(action -> action != Action.REPORT)
                        .map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyStatusAndAction")
    void anActionGoesThroughExactlyWhereTheTableHasARow(Status status, Action action) {
        Walk walk = new Walk();
        Incident incident = walk.bringTo(status, action);
        assertThat(incident.status()).isEqualTo(status);
        IncidentSnapshot before = incident.snapshot();
        int entriesBefore = incident.history().size();
        incident.pullEvents();

        Decision decision = walk.attempt(action, incident);

        Optional<Status> target = Transitions.target(status, action);
        if (target.isPresent()) {
            allowed(decision);
            assertThat(incident.status()).isEqualTo(target.get());
            List<HistoryEntry> added =
                    incident.history().subList(entriesBefore, incident.history().size());
            assertThat(added)
                    .filteredOn(entry -> entry.action() == action)
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.fromStatus()).isEqualTo(status);
                        assertThat(entry.toStatus()).isEqualTo(target.get());
                    });
            assertThat(incident.pullEvents()).hasSameSizeAs(added);
        } else {
            refused(decision, Decision.Kind.CONFLICT);
            assertThat(incident.snapshot()).isEqualTo(before);
            assertThat(incident.history()).hasSize(entriesBefore);
            assertThat(incident.pullEvents()).isEmpty();
        }
    }

    @Test
    void rejectedAndMergedIncidentsAllowNothing() {
        assertThat(Transitions.all()).noneMatch(row -> row.from().isTerminal());
    }

    @Test
    void aClosedIncidentCanOnlyBeEvaluatedReopenedOrHaveASupervisionOrderAnswered() {
        assertThat(Transitions.all())
                .filteredOn(row -> row.from() == Status.CLOSED)
                .extracting(Transitions.Transition::action)
                .containsExactlyInAnyOrder(Action.EVALUATE, Action.REOPEN, Action.REPLY_SUPERVISION);
    }

    @Test
    void everyActionButTheReportHasARowAndTheReportStartsTheLoop() {
        assertThat(Transitions.all())
                .extracting(Transitions.Transition::action)
                .containsAll(Arrays.stream(Action.values())
                        .filter(action -> action != Action.REPORT)
                        .toList())
                .doesNotContain(Action.REPORT);
        assertThat(Transitions.INITIAL).isEqualTo(Status.REPORTED);
    }

    @Test
    void onlyVerificationResolvingOnTheSpotAndAConcludedMediationCaseClose() {
        assertThat(Transitions.all())
                .filteredOn(row -> row.to() == Status.CLOSED && row.from() != Status.CLOSED)
                .extracting(Transitions.Transition::action)
                .containsExactlyInAnyOrder(
                        Action.VERIFY_PASS,
                        Action.RESOLVE_ON_THE_SPOT,
                        Action.RESOLVE_ON_THE_SPOT,
                        Action.CONCLUDE_HANDED_OVER);
    }

    /**
     * One incident of 占道经营 in 东营社区, owned by 文汇街道's centre (so that it can also be dispatched down), on
     * its way to a status; what is prepared on the way depends on the action to be tried.
     */
    /** A calendar on which every stage had half the working time it has on the statutory one. */
    private static final Deadlines HALF_AS_MUCH_TIME = new Deadlines() {
        @Override
        public java.time.Instant deadline(java.time.Instant start, Duration duration, TimeMode mode) {
            return Dongying.DEADLINES.deadline(start, duration.multipliedBy(2), mode);
        }

        @Override
        public Duration elapsed(java.time.Instant start, java.time.Instant end, TimeMode mode) {
            return Dongying.DEADLINES.elapsed(start, end, mode).dividedBy(2);
        }
    };

    private static final class Walk {

        private final Dongying city = new Dongying();

        Incident bringTo(Status status, Action action) {
            Incident incident = city.reported(STREET_VENDING, WENHUI_CENTRE);
            if (action == Action.REPLY_SUPERVISION) {
                allowed(incident.supervise(city.by(districtDispatcher).saying("请于今日内处置完毕"), TimeLimit.workingHours(8)));
            }
            if (status == Status.REPORTED) {
                return incident;
            }
            if (status == Status.REJECTED) {
                allowed(incident.reject(city.by(wenhuiDispatcher).saying("不属于受理范围")));
                return incident;
            }
            if (status == Status.MERGED) {
                allowed(incident.mergeInto(city.reported(STREET_VENDING, WENHUI_CENTRE), city.by(wenhuiDispatcher)));
                return incident;
            }
            allowed(incident.accept(city.by(wenhuiDispatcher)));
            if (status == Status.ACCEPTED) {
                return incident;
            }
            allowed(incident.dispatch(
                    city.by(wenhuiDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY))));
            if (status == Status.DISPATCHED) {
                if (action == Action.RECORD_PART) {
                    allowed(incident.reportIn(city.by(ecologyHandler)));
                }
                return incident;
            }
            allowed(incident.sign(city.by(urbanHandler)));
            if (status == Status.IN_PROGRESS) {
                if (action == Action.RECORD_PART) {
                    allowed(incident.reportIn(city.by(ecologyHandler)));
                }
                if (action == Action.COMPLETE) {
                    allowed(incident.reportIn(city.by(ecologyHandler)));
                    allowed(incident.recordPart(city.by(ecologyHandler).saying("已检测油烟排放")));
                }
                if (action == Action.APPROVE_EXTENSION || action == Action.DENY_EXTENSION) {
                    allowed(incident.requestExtension(city.by(urbanHandler).saying("需协调商户"), Duration.ofHours(8)));
                }
                return incident;
            }
            allowed(incident.reportIn(city.by(ecologyHandler)));
            allowed(incident.recordPart(city.by(ecologyHandler).saying("已检测油烟排放")));
            allowed(incident.complete(city.by(urbanHandler).saying("已清理").attaching("photo-after")));
            if (status == Status.HANDLED) {
                return incident;
            }
            allowed(incident.verify(city.by(wenhuiDispatcher), true));
            if (action == Action.REOPEN) {
                allowed(incident.evaluate(city.by(resident), Satisfaction.DISSATISFIED));
            }
            return incident;
        }

        Decision attempt(Action action, Incident incident) {
            return switch (action) {
                case REPORT -> throw new IllegalArgumentException("A report creates an incident");
                case ACCEPT -> incident.accept(city.by(wenhuiDispatcher));
                case REJECT -> incident.reject(city.by(wenhuiDispatcher).saying("重复上报"));
                case MERGE ->
                    incident.mergeInto(city.reported(STREET_VENDING, WENHUI_CENTRE), city.by(wenhuiDispatcher));
                case ADD_SUPPORTER ->
                    city.reported(STREET_VENDING, WENHUI_CENTRE).mergeInto(incident, city.by(wenhuiDispatcher));
                case RESOLVE_ON_THE_SPOT ->
                    incident.resolveOnTheSpot(
                            city.by(gridWorker).saying("已劝离商贩").attaching("photo-after"));
                case DISPATCH ->
                    incident.dispatch(
                            city.by(wenhuiDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY)));
                case DISPATCH_DOWN -> incident.dispatch(city.by(wenhuiDispatcher), new Dispatch.Down(COMMUNITY_CENTRE));
                case SIGN -> incident.sign(city.by(urbanHandler));
                case RETURN -> incident.returnToCentre(city.by(urbanHandler).saying("不属于本部门职责"));
                case REQUEST_EXTENSION ->
                    incident.requestExtension(city.by(urbanHandler).saying("需协调商户"), Duration.ofHours(8));
                case APPROVE_EXTENSION -> incident.decideExtension(city.by(wenhuiDispatcher), true);
                case DENY_EXTENSION ->
                    incident.decideExtension(city.by(wenhuiDispatcher).saying("时限充足"), false);
                case REPORT_IN -> incident.reportIn(city.by(ecologyHandler));
                case RECORD_PART -> incident.recordPart(city.by(ecologyHandler).saying("已检测油烟排放"));
                case COMPLETE ->
                    incident.complete(city.by(urbanHandler).saying("已清理").attaching("photo-after"));
                case VERIFY_PASS -> incident.verify(city.by(wenhuiDispatcher), true);
                case VERIFY_FAIL -> incident.verify(city.by(wenhuiDispatcher).saying("商贩仍在"), false);
                case ESCALATE -> incident.escalate(city.by(wenhuiDispatcher).saying("街道无法协调"), DISTRICT_CENTRE);
                case AUTO_ESCALATE, MARK_OVERDUE -> incident.markOverdue(at("2026-12-01T09:00"), DISTRICT_CENTRE);
                case RECOUNT_DEADLINE -> incident.recountDeadline(at("2026-12-01T09:00"), HALF_AS_MUCH_TIME);
                case RECLASSIFY -> incident.reclassify(city.by(wenhuiDispatcher).saying("实为饭店油烟"), RESTAURANT_FUMES);
                case EVALUATE -> incident.evaluate(city.by(resident), Satisfaction.DISSATISFIED);
                case REOPEN -> incident.reopen(city.by(wenhuiDispatcher));
                case URGE -> incident.urge(city.by(districtDispatcher).saying("请加快办理"));
                case SUPPLEMENT -> incident.supplement(city.by(resident).saying("摊位在东门外侧"));
                case SUPERVISE ->
                    incident.supervise(city.by(districtDispatcher).saying("请于今日内处置完毕"), TimeLimit.workingHours(8));
                case REPLY_SUPERVISION ->
                    incident.replyToSupervision(city.by(wenhuiDispatcher).saying("已部署处置"), 1);
                case HAND_OVER -> incident.handOver(city.by(wenhuiDispatcher).saying("转矛盾纠纷调解，案件编号 MD2026-000001"));
                case CONCLUDE_HANDED_OVER -> {
                    // only an incident handed to a mediation case is closed by it: hand it over first where possible
                    incident.handOver(city.by(wenhuiDispatcher).saying("转矛盾纠纷调解，案件编号 MD2026-000001"));
                    yield incident.concludeHandedOver(
                            Act.system(at("2026-12-01T09:00")).saying("矛盾纠纷 MD2026-000001 调解达成协议"), Level.TOWN);
                }
            };
        }
    }
}
