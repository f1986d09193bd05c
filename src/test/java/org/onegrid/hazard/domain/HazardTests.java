package org.onegrid.hazard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.hazard.domain.Fixtures.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hazard from its finding through notice, plan, rectification, acceptance, supervision to 销号. No Spring. */
class HazardTests {

    static final MeasuresPlan PLAN = new MeasuresPlan(
            "加装液位、温度、压力监测并接入县应急监控平台",
            new BigDecimal("86000"),
            LocalDate.of(2026, 12, 30),
            "张厂长",
            "储罐区24小时专人值守，配备围堰和应急物资");

    @Test
    void aNoticeWithADeadlineInThePastIsRefusedAndNothingChanges() {
        Hazard h = tankHazard();
        assertThatThrownBy(() -> h.issueNotice(COUNTY_BUREAU, null, LocalDate.of(2026, 12, 1), "加装监测", NOW))
                .isInstanceOf(Refused.class)
                .hasMessage("整改期限 2026-12-01 已过，不能早于今天（2026-12-04）");
        assertThat(h.status()).isEqualTo(HazardStatus.FOUND);
        assertThat(h.deadlineDay()).isNull();
        assertThat(h.version()).isZero();
    }

    @Test
    void aMajorHazardNeedsItsFiveInPlacePlanBeforeRectificationIsReported() {
        Hazard h = tankHazard();
        h.issueNotice(COUNTY_BUREAU, null, TODAY.plusDays(30), "加装监测", NOW);
        assertThatThrownBy(() -> h.reportRectification(TOWN_OFFICER, "已加装", List.of("p2"), NOW))
                .hasMessage("重大隐患须先落实“五到位”方案，再报告整改");
        assertThatThrownBy(() -> h.planMeasures(COUNTY_BUREAU, new MeasuresPlan("", null, TODAY, null, null), NOW))
                .isInstanceOfSatisfying(
                        Refused.class,
                        r -> assertThat(r.refusals())
                                .extracting(Refusal::field)
                                .containsExactly("measures", "funds", "responsible", "emergencyPlan"));
        Step planned = h.planMeasures(COUNTY_BUREAU, PLAN, NOW);
        assertThat(planned.detail()).contains("86000 元").contains("张厂长");
        assertThat(h.reportRectification(TOWN_OFFICER, "已加装液位计并联网", List.of("p2"), NOW)
                        .toStatus())
                .isEqualTo("RECTIFIED");
    }

    @Test
    void rectificationNeedsANoteAndAPhoto() {
        Hazard h = tankHazard();
        h.issueNotice(COUNTY_BUREAU, null, TODAY.plusDays(30), "加装监测", NOW);
        h.planMeasures(COUNTY_BUREAU, PLAN, NOW);
        assertThatThrownBy(() -> h.reportRectification(TOWN_OFFICER, " ", List.of(), NOW))
                .isInstanceOfSatisfying(
                        Refused.class,
                        r -> assertThat(r.refusals())
                                .extracting(Refusal::message)
                                .containsExactly("请说明整改情况", "请上传整改后的现场照片作为佐证"));
    }

    @Test
    void theUnitThatReportedTheRectificationCannotAcceptIt() {
        Hazard h = tankHazard();
        h.issueNotice(TOWN_OFFICER, null, TODAY.plusDays(30), "加装监测", NOW);
        h.planMeasures(TOWN_OFFICER, PLAN, NOW);
        h.reportRectification(TOWN_OFFICER, "已加装", List.of("p2"), NOW);
        assertThatThrownBy(() -> h.accept(TOWN_OFFICER, true, null, List.of(), NOW))
                .isInstanceOf(Refused.class)
                .hasMessage("整改由本单位报告，不能自行验收；须由下达整改通知的稻庄镇综治中心验收");
        assertThat(h.status()).isEqualTo(HazardStatus.RECTIFIED);
        // the level above the issuer may accept it
        assertThat(h.accept(COUNTY_BUREAU, true, "现场核查液位计在线", List.of(), NOW).toStatus())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void aLowerLevelCannotAcceptWhatAHigherLevelIssued() {
        Hazard h = notifiedAndRectifiedByTheTown();
        assertThatThrownBy(() -> h.accept(VILLAGE_WORKER, true, null, List.of(), NOW))
                .hasMessageContaining("验收由下达整改通知的广饶县应急管理局");
    }

    @Test
    void closingWithoutAnAcceptanceIsRefused() {
        Hazard h = notifiedAndRectifiedByTheTown();
        assertThatThrownBy(() -> h.close(COUNTY_BUREAU, null, NOW))
                .isInstanceOf(Refused.class)
                .hasMessage("隐患已整改待验收，未经验收合格不能销号");
        assertThat(h.status()).isEqualTo(HazardStatus.RECTIFIED);
    }

    @Test
    void aFailedAcceptanceReturnsTheHazardToTheUnitAndCountsTheRework() {
        Hazard h = notifiedAndRectifiedByTheTown();
        assertThatThrownBy(() -> h.accept(COUNTY_BUREAU, false, null, List.of(), NOW))
                .hasMessage("验收不通过须写明原因");
        Step back = h.accept(COUNTY_BUREAU, false, "液位计未联网", List.of(), NOW);
        assertThat(back.toStatus()).isEqualTo("RECTIFYING");
        assertThat(h.returns()).isEqualTo(1);
        h.reportRectification(TOWN_OFFICER, "已联网", List.of("p3"), NOW);
        h.accept(COUNTY_BUREAU, true, "在线", List.of(), NOW);
        assertThat(h.close(COUNTY_BUREAU, "销号", NOW).toStatus()).isEqualTo("CLOSED");
        assertThat(h.closedAt()).isEqualTo(NOW);
    }

    @Test
    void anOverdueHazardIsMarkedOnceAndSupervisedByTheLevelAboveWhichEscalatesAgainWhenThatPasses() {
        Hazard h = tankHazard();
        h.issueNotice(COUNTY_BUREAU, null, TODAY.plusDays(30), "加装监测", NOW);
        Instant day31 = NOW.plus(Duration.ofDays(32));
        assertThat(h.markOverdue(SYSTEM, NOW)).isNull();
        assertThatThrownBy(() -> h.supervise(CITY_CENTRE, TODAY.plusDays(40), "限期整改", NOW))
                .hasMessage("整改期限 2027-01-03 未到，尚不能挂牌督办");
        Step overdue = h.markOverdue(SYSTEM, day31);
        assertThat(overdue.action()).isEqualTo("OVERDUE");
        assertThat(h.markOverdue(SYSTEM, day31)).isNull();

        assertThatThrownBy(() -> h.supervise(COUNTY_BUREAU, TODAY.plusDays(50), "限期整改", day31))
                .hasMessage("挂牌督办由下达整改通知的广饶县应急管理局的上级办理");
        Step supervised = h.supervise(CITY_CENTRE, TODAY.plusDays(50), "市级挂牌督办，限期整改", day31);
        assertThat(supervised.detail()).contains("第 1 次").contains("督办期限 2027-01-23");
        assertThat(h.overdue(day31)).isFalse();
        assertThat(h.supervisionLevel()).isEqualTo(1);

        Instant later = NOW.plus(Duration.ofDays(60));
        assertThat(h.markOverdue(SYSTEM, later).detail()).contains("挂牌督办逾期");
        // the city is the top: no level above it may supervise again
        assertThatThrownBy(() -> h.supervise(CITY_CENTRE, TODAY.plusDays(90), "再督办", later))
                .hasMessageContaining("督办单位东营市综治中心的上级办理");
    }

    @Test
    void aGradeChangedLaterNeedsAReason() {
        Hazard h = tankHazard();
        assertThatThrownBy(() -> h.regrade(COUNTY_BUREAU, Grade.GENERAL, "", NOW))
                .hasMessage("调整隐患等级须说明理由");
        assertThat(h.regrade(COUNTY_BUREAU, Grade.GENERAL, "经专家论证为一般隐患", NOW).detail())
                .isEqualTo("重大隐患 → 一般隐患");
        assertThatThrownBy(() -> h.planMeasures(COUNTY_BUREAU, PLAN, NOW)).hasMessageContaining("本隐患为一般隐患");
    }

    static Hazard notifiedAndRectifiedByTheTown() {
        Hazard h = tankHazard();
        h.issueNotice(COUNTY_BUREAU, null, TODAY.plusDays(30), "加装监测", NOW);
        h.planMeasures(COUNTY_BUREAU, PLAN, NOW);
        h.reportRectification(TOWN_OFFICER, "已加装", List.of("p2"), NOW);
        return h;
    }
}
