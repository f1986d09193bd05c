package org.onegrid.hazard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.hazard.domain.Fixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.registry.domain.OrganisationTag;

/** Ordering plans, the periods they generate, and doing a task at the place. No Spring. */
class ScreeningTests {

    static final List<Answer> ALL_PASS = List.of(
            new Answer("1", Verdict.PASS, null, List.of("p1")),
            new Answer("2", Verdict.PASS, null, List.of()),
            new Answer("3", Verdict.PASS, "三名作业人员均持证", List.of()));

    @Test
    void aPlanWhosePeriodDoesNotParseIsRefusedWithEveryOtherReasonToo() {
        assertThatThrownBy(() -> ScreeningPlan.order(
                        UUID.randomUUID(),
                        COUNTY_BUREAU,
                        " ",
                        CITY,
                        Target.organisations(null),
                        "now and then",
                        TODAY,
                        null,
                        List.of(),
                        TaskOwner.CITY,
                        TODAY))
                .isInstanceOfSatisfying(
                        Refused.class,
                        r -> assertThat(r.refusals())
                                .extracting(Refusal::field)
                                .containsExactly("name", "frequency", "scope", "target", "owner", "checklist"));
    }

    @Test
    void checklistCodesMustBeUniqueAndEachItemNeedsItsEvidenceAndGrade() {
        List<ChecklistItem> items = List.of(
                new ChecklistItem("1", "A", Evidence.NONE, Grade.GENERAL),
                new ChecklistItem("1", "B", null, Grade.GENERAL));
        assertThat(ScreeningPlan.checkChecklist(items))
                .extracting(Refusal::message)
                .containsExactly("检查表编号“1”重复", "检查表第 2 项须写明所需佐证和不合格时的隐患等级");
    }

    @Test
    void aPlanCatchesUpEveryPeriodMissedSinceItsLastGenerationAndNoMore() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        assertThat(plan.periodsDue(TODAY, 400)).hasSize(12);
        ScreeningPlan generated = new ScreeningPlan(
                plan.id(),
                plan.name(),
                plan.orderedByOrgId(),
                plan.orderedByName(),
                plan.orderedByPath(),
                plan.scopePath(),
                plan.target(),
                plan.frequency(),
                plan.startsOn(),
                plan.dueDays(),
                plan.checklist(),
                plan.owner(),
                true,
                LocalDate.of(2026, 9, 30),
                1);
        assertThat(generated.periodsDue(TODAY, 400))
                .extracting(Frequency.Slot::key)
                .containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(plan.dueOn(plan.frequency().slotOf(TODAY, plan.startsOn()))).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(plan.stopped().periodsDue(TODAY, 400)).isEmpty();
    }

    @Test
    void aTownOwnedTaskBelongsToTheTownsCentreNotTheVillageOrAGridWorker() {
        ScreeningTask task = townTask(monthlyChemicalsPlan());
        assertThat(task.ownerPath()).isEqualTo(TOWN);
        assertThat(task.ownedBy(TOWN_OFFICER, Set.of())).isTrue();
        assertThat(task.ownedBy(VILLAGE_WORKER, Set.of("370523101001G01"))).isFalse();
        assertThat(TaskOwner.GRID_WORKER.ownerPath(VILLAGE)).isEqualTo(VILLAGE);
    }

    @Test
    void aTaskDoneFiveKilometresFromItsPlaceIsRefusedAndNothingChanges() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        ScreeningTask task = townTask(plan);
        assertThatThrownBy(() -> task.complete(
                        TOWN_OFFICER,
                        Set.of(),
                        north(5_200),
                        ALL_PASS,
                        plan.checklist(),
                        PlaceRules.DEFAULT,
                        TODAY,
                        NOW))
                .isInstanceOf(Refused.class)
                .hasMessage("当前位置距排查对象 5.2 公里，超过 5.0 公里，不能提交排查；请到现场后再提交");
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void aTaskDoneAFewHundredMetresAwayIsAcceptedButFlagged() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        ScreeningTask.Done done = townTask(plan)
                .complete(
                        TOWN_OFFICER, Set.of(), north(450), ALL_PASS, plan.checklist(), PlaceRules.DEFAULT, TODAY, NOW);
        assertThat(done.far()).isTrue();
        assertThat(done.distanceMetres()).isEqualTo(450);
        assertThat(done.findings()).isEmpty();
        assertThat(done.task().status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.step().detail()).contains("合格 3 项").contains("偏远");
    }

    @Test
    void anAnswerWithoutTheEvidenceItsItemNeedsIsRefusedNamingTheItem() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        List<Answer> answers = List.of(
                new Answer("1", Verdict.FAIL, "2号储罐无液位监测", List.of()),
                new Answer("2", Verdict.NOT_APPLICABLE, null, List.of()));
        assertThatThrownBy(() -> townTask(plan)
                        .complete(
                                TOWN_OFFICER,
                                Set.of(),
                                north(20),
                                answers,
                                plan.checklist(),
                                PlaceRules.DEFAULT,
                                TODAY,
                                NOW))
                .isInstanceOfSatisfying(
                        Refused.class,
                        r -> assertThat(r.refusals())
                                .extracting(Refusal::message)
                                .containsExactly(
                                        "检查项“储罐区设有液位、温度、压力监测并联网”须附现场照片",
                                        "检查项“消防器材完好有效”选择不适用，须说明原因",
                                        "检查项“特种作业人员持证上岗”尚未回答"));
    }

    @Test
    void eachFailedItemBecomesAFindingGradedByTheItemsRuleOrOverriddenWithAReason() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        List<Answer> answers = List.of(
                new Answer("1", Verdict.FAIL, "2号储罐无液位监测，未接入监控平台", List.of("p1")),
                new Answer("2", Verdict.FAIL, "灭火器过期", List.of(), Grade.MAJOR, "仓库内全部灭火器失效"),
                new Answer("3", Verdict.PASS, "持证", List.of()));
        ScreeningTask.Done done = townTask(plan)
                .complete(TOWN_OFFICER, Set.of(), north(20), answers, plan.checklist(), PlaceRules.DEFAULT, TODAY, NOW);
        assertThat(done.findings()).extracting(Finding::grade).containsExactly(Grade.MAJOR, Grade.MAJOR);
        assertThat(done.findings().get(1).gradeReason()).isEqualTo("仓库内全部灭火器失效");

        List<Answer> noReason = List.of(
                new Answer("1", Verdict.FAIL, "无监测", List.of("p1"), Grade.GENERAL, null),
                new Answer("2", Verdict.PASS, null, List.of()),
                new Answer("3", Verdict.PASS, "持证", List.of()));
        assertThatThrownBy(() -> townTask(plan)
                        .complete(
                                TOWN_OFFICER,
                                Set.of(),
                                north(20),
                                noReason,
                                plan.checklist(),
                                PlaceRules.DEFAULT,
                                TODAY,
                                NOW))
                .hasMessageContaining("按规定为重大隐患，改为一般隐患须说明理由");
    }

    @Test
    void aTaskIsDoneOnceAndOnlyByItsOwner() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        ScreeningTask task = townTask(plan);
        assertThatThrownBy(() -> task.complete(
                        VILLAGE_WORKER,
                        Set.of("370523101001G01"),
                        north(5),
                        ALL_PASS,
                        plan.checklist(),
                        PlaceRules.DEFAULT,
                        TODAY,
                        NOW))
                .hasMessageContaining("不是该任务的责任人");
        ScreeningTask done = task.complete(
                        TOWN_OFFICER, Set.of(), north(5), ALL_PASS, plan.checklist(), PlaceRules.DEFAULT, TODAY, NOW)
                .task();
        assertThatThrownBy(() -> done.complete(
                        TOWN_OFFICER, Set.of(), north(5), ALL_PASS, plan.checklist(), PlaceRules.DEFAULT, TODAY, NOW))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.stateConflict()).isTrue());
    }

    @Test
    void anOpenTaskPastItsDueDayIsMissedAndDoingItLateSaysSo() {
        ScreeningPlan plan = monthlyChemicalsPlan();
        ScreeningTask task = townTask(plan);
        assertThat(task.missed(TODAY)).isFalse();
        assertThat(task.missed(LocalDate.of(2026, 12, 21))).isTrue();
        ScreeningTask.Done late = task.complete(
                TOWN_OFFICER,
                Set.of(),
                north(5),
                ALL_PASS,
                plan.checklist(),
                PlaceRules.DEFAULT,
                LocalDate.of(2026, 12, 22),
                NOW);
        assertThat(late.late()).isTrue();
        assertThat(late.task().missed(LocalDate.of(2026, 12, 22))).isFalse();
    }

    @Test
    void aGridPlanOwnedByGridWorkersIsDoneByTheGridsWorker() {
        ScreeningPlan plan = ScreeningPlan.order(
                UUID.randomUUID(),
                TOWN_OFFICER,
                "网格每日巡查",
                null,
                Target.grids(),
                "daily",
                TODAY,
                null,
                List.of(new ChecklistItem("1", "消防通道畅通", Evidence.NONE, Grade.GENERAL)),
                TaskOwner.GRID_WORKER,
                TODAY);
        assertThat(plan.target().label()).isEqualTo("辖区网格");
        assertThat(Target.organisations(OrganisationTag.NINE_SMALL).label()).isEqualTo("九小场所");
        assertThat(plan.periodsDue(TODAY, 10)).hasSize(1);
    }
}
