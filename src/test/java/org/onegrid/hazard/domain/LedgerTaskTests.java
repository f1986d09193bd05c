package org.onegrid.hazard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.hazard.domain.Fixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A ledger task: milestones, monthly reports, urging, quarterly evaluation, 销号. No Spring. */
class LedgerTaskTests {

    static final Unit LEAD = new Unit(Unit.Kind.DEPARTMENT, 200, "稻庄镇综治中心");
    static final Unit CO = new Unit(Unit.Kind.DEPARTMENT, 100, "广饶县应急管理局");

    static LedgerTask pilot() {
        return LedgerTask.order(
                        UUID.randomUUID(),
                        CITY_CENTRE,
                        LedgerTaskKind.PILOT,
                        "“网格+应急”融合试点",
                        "镇域网格员全部承担安全巡查职责",
                        LEAD,
                        List.of(CO),
                        List.of(
                                new LedgerTask.PlannedMilestone("制定方案", TODAY.plusDays(10)),
                                new LedgerTask.PlannedMilestone("培训网格员", TODAY.plusDays(40)),
                                new LedgerTask.PlannedMilestone("全面运行", TODAY.plusDays(80))),
                        NOW)
                .task();
    }

    @Test
    void aTaskWithAMilestoneDueInThePastIsRefused() {
        assertThatThrownBy(() -> LedgerTask.order(
                        UUID.randomUUID(),
                        CITY_CENTRE,
                        LedgerTaskKind.PILOT,
                        "试点",
                        null,
                        LEAD,
                        List.of(LEAD),
                        List.of(new LedgerTask.PlannedMilestone("方案", LocalDate.of(2026, 11, 1))),
                        NOW))
                .isInstanceOfSatisfying(
                        Refused.class,
                        r -> assertThat(r.refusals())
                                .extracting(Refusal::message)
                                .containsExactly("牵头单位不能同时是配合单位", "第 1 个节点的时限 2026-11-01 已过，不能早于今天（2026-12-04）"));
    }

    @Test
    void eachUnitReportsOncePerMonthAndOnlyItsUnitsReport() {
        LedgerTask t = pilot();
        LedgerTask reported =
                t.report(TOWN_OFFICER, YearMonth.of(2026, 12), "方案已起草", NOW).task();
        assertThatThrownBy(() -> reported.report(TOWN_OFFICER, YearMonth.of(2026, 12), "再报", NOW))
                .hasMessage("稻庄镇综治中心 2026-12 的调度情况已报送");
        assertThat(reported.report(COUNTY_BUREAU, YearMonth.of(2026, 12), "配合完成风险普查", NOW)
                        .task()
                        .reported())
                .hasSize(2);
        assertThatThrownBy(() -> t.report(VILLAGE_WORKER, YearMonth.of(2026, 12), "x", NOW))
                .hasMessage("只有牵头单位和配合单位报送调度情况");
        assertThatThrownBy(() -> t.report(TOWN_OFFICER, YearMonth.of(2027, 1), "x", NOW))
                .hasMessage("只能报送本月或上月的调度情况");
    }

    @Test
    void anOverdueMilestoneIsUrgedOnceADay() {
        LedgerTask t = pilot();
        Instant late = NOW.plus(Duration.ofDays(12));
        assertThat(t.toUrge(LocalDate.of(2026, 12, 16)))
                .extracting(Milestone::number)
                .containsExactly(1);
        assertThatThrownBy(() -> t.urge(SYSTEM, 2, null, late)).hasMessage("第 2 个节点未逾期，无需催办");
        LedgerTask urged = t.urge(SYSTEM, 1, null, late).task();
        assertThat(urged.toUrge(LocalDate.of(2026, 12, 16))).isEmpty();
        assertThatThrownBy(() -> urged.urge(SYSTEM, 1, null, late)).hasMessage("第 1 个节点今天已催办");
    }

    @Test
    void onlyTheLeadCompletesMilestonesAndOnlyAFinishedTaskIsClosed() {
        LedgerTask t = pilot();
        assertThatThrownBy(() -> t.completeMilestone(COUNTY_BUREAU, 1, "方案印发", NOW))
                .hasMessage("节点完成由牵头单位稻庄镇综治中心报告");
        LedgerTask one = t.completeMilestone(TOWN_OFFICER, 1, "方案印发", NOW).task();
        assertThatThrownBy(() -> one.close(CITY_CENTRE, null, NOW)).hasMessage("还有 2 个节点未完成，不能销号");
        LedgerTask all = one.completeMilestone(TOWN_OFFICER, 2, "培训 120 人", NOW)
                .task()
                .completeMilestone(TOWN_OFFICER, 3, "全面运行", NOW)
                .task();
        assertThatThrownBy(() -> all.close(TOWN_OFFICER, null, NOW)).hasMessage("销号由下达任务的东营市综治中心或其上级办理");
        LedgerTask closed = all.close(CITY_CENTRE, "试点完成", NOW).task();
        assertThat(closed.closed()).isTrue();
        assertThatThrownBy(() -> closed.report(TOWN_OFFICER, YearMonth.of(2026, 12), "x", NOW))
                .hasMessage("任务已销号");
    }

    @Test
    void aQuarterIsEvaluatedOnceAndNotMetNeedsAReason() {
        LedgerTask t = pilot();
        assertThatThrownBy(() -> t.evaluate(CITY_CENTRE, "2026-Q4", Evaluation.NOT_MET, null, NOW))
                .hasMessage("评估未达标须写明原因");
        LedgerTask e =
                t.evaluate(CITY_CENTRE, "2026-Q4", Evaluation.MET, null, NOW).task();
        assertThatThrownBy(() -> e.evaluate(CITY_CENTRE, "2026-Q4", Evaluation.MET, null, NOW))
                .hasMessage("2026-Q4 已评估");
        assertThatThrownBy(() -> t.evaluate(CITY_CENTRE, "2027-Q1", Evaluation.MET, null, NOW))
                .hasMessageContaining("只能评估本季度（2026-Q4）或上季度（2026-Q3）");
    }
}
