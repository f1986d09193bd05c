package org.onegrid.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onegrid.shared.config.CityTime;

/**
 * A ledger task 任务台账: a work item that is not a hazard — a pilot task, a key project — run by "每月一调度、每季一评估，
 * 设定时限，销号管理": a lead unit and co-units, milestones with deadlines, a monthly progress report 调度 from each
 * unit, a quarterly evaluation 达标/未达标 by the ordering level, 销号 when every milestone is done.
 *
 * @param coUnits the co-units 配合单位 (organisations of the staff module, by id)
 * @param reported the months each unit reported, as {@code orgId:2026-12}
 * @param evaluated the quarters evaluated, as {@code 2026-Q4}
 */
public record LedgerTask(
        UUID id,
        LedgerTaskKind kind,
        String title,
        String goal,
        long orderedByOrgId,
        String orderedByName,
        String orderedByPath,
        long leadOrgId,
        String leadName,
        List<Unit> coUnits,
        List<Milestone> milestones,
        Set<String> reported,
        Set<String> evaluated,
        boolean closed,
        int version) {

    private static final ZoneId CITY = CityTime.ZONE;
    public static final int MAX_MILESTONES = 24;

    public LedgerTask {
        coUnits = List.copyOf(coUnits);
        milestones = List.copyOf(milestones);
        reported = Set.copyOf(reported);
        evaluated = Set.copyOf(evaluated);
    }

    /** A milestone as ordered. */
    public record PlannedMilestone(String name, LocalDate deadline) {}

    /** The task, and the step its action made. */
    public record Changed(LedgerTask task, Step step) {}

    /** Orders a task, or refuses it with every reason: a title, a lead unit, 1–24 milestones not due in the past. */
    public static Changed order(
            UUID id,
            Actor by,
            LedgerTaskKind kind,
            String title,
            String goal,
            Unit lead,
            List<Unit> coUnits,
            List<PlannedMilestone> planned,
            Instant now) {
        List<Refusal> found = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, CITY);
        if (kind == null) {
            found.add(new Refusal("kind", "task.kind", "请选择任务类别：试点任务、重点项目或重点工作"));
        }
        if (title == null || title.isBlank()) {
            found.add(new Refusal("title", "task.title", "请填写任务名称"));
        } else if (title.length() > 200) {
            found.add(new Refusal("title", "task.title", "任务名称不能超过 200 字"));
        }
        if (lead == null) {
            found.add(new Refusal("leadOrgId", "task.lead", "请选择牵头单位"));
        }
        List<Unit> co = coUnits == null ? List.of() : coUnits;
        if (lead != null && co.stream().anyMatch(u -> u.id() == lead.id())) {
            found.add(new Refusal("coUnits", "task.co-units", "牵头单位不能同时是配合单位"));
        }
        if (planned == null || planned.isEmpty()) {
            found.add(new Refusal("milestones", "task.milestones", "请至少设定一个节点及其时限"));
        } else if (planned.size() > MAX_MILESTONES) {
            found.add(new Refusal("milestones", "task.milestones", "节点不能超过 " + MAX_MILESTONES + " 个"));
        } else {
            for (int i = 0; i < planned.size(); i++) {
                PlannedMilestone m = planned.get(i);
                String field = "milestones[" + i + "]";
                if (m == null || m.name() == null || m.name().isBlank()) {
                    found.add(new Refusal(field + ".name", "task.milestone", "第 " + (i + 1) + " 个节点缺少内容"));
                }
                if (m == null || m.deadline() == null) {
                    found.add(new Refusal(field + ".deadline", "task.milestone", "第 " + (i + 1) + " 个节点缺少时限"));
                } else if (m.deadline().isBefore(today)) {
                    found.add(new Refusal(
                            field + ".deadline",
                            "task.deadline-past",
                            "第 " + (i + 1) + " 个节点的时限 " + m.deadline() + " 已过，不能早于今天（" + today + "）"));
                }
            }
        }
        Refused.ifAny(found);
        List<Milestone> ms = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            ms.add(new Milestone(
                    i + 1, planned.get(i).name().strip(), planned.get(i).deadline(), null, null, null));
        }
        LedgerTask t = new LedgerTask(
                id,
                kind,
                title.strip(),
                goal == null ? null : goal.strip(),
                by.orgId(),
                by.orgName(),
                by.regionPath(),
                lead.id(),
                lead.name(),
                co,
                ms,
                Set.of(),
                Set.of(),
                false,
                0);
        String detail = kind.label() + " · 牵头 " + lead.name()
                + (co.isEmpty()
                        ? ""
                        : " · 配合 "
                                + String.join("、", co.stream().map(Unit::name).toList()))
                + " · " + ms.size() + " 个节点";
        return new Changed(t, new Step(now, by, null, "ACTIVE", "ORDER", t.title(), detail, List.of()));
    }

    /**
     * The monthly progress report 调度 of the actor's unit (lead or co-unit) for a month: this month or the last,
     * once per unit and month.
     */
    public Changed report(Actor by, YearMonth month, String progress, Instant now) {
        mustBeOpen();
        List<Refusal> found = new ArrayList<>();
        YearMonth current = YearMonth.from(LocalDate.ofInstant(now, CITY));
        if (!isUnit(by.orgId())) {
            found.add(new Refusal("unit", "task.not-unit", "只有牵头单位和配合单位报送调度情况"));
        }
        if (month == null) {
            found.add(new Refusal("month", "task.month", "请选择调度月份"));
        } else if (month.isAfter(current) || month.isBefore(current.minusMonths(1))) {
            found.add(new Refusal("month", "task.month", "只能报送本月或上月的调度情况"));
        } else if (reported.contains(by.orgId() + ":" + month)) {
            found.add(new Refusal("month", "task.month-reported", by.orgName() + " " + month + " 的调度情况已报送"));
        }
        if (progress == null || progress.isBlank()) {
            found.add(new Refusal("progress", "task.progress", "请填写本月进展"));
        } else if (progress.length() > 2000) {
            found.add(new Refusal("progress", "task.progress", "进展不能超过 2000 字"));
        }
        Refused.ifAny(found);
        Set<String> r = new HashSet<>(reported);
        r.add(by.orgId() + ":" + month);
        LedgerTask next = with(milestones, r, evaluated, false);
        return new Changed(
                next, new Step(now, by, "ACTIVE", "ACTIVE", "REPORT", progress.strip(), month + " 月度调度", List.of()));
    }

    /** The lead unit reports a milestone done, with what shows it. */
    public Changed completeMilestone(Actor by, int number, String evidence, Instant now) {
        mustBeOpen();
        List<Refusal> found = new ArrayList<>();
        Milestone m = milestone(number);
        if (by.orgId() != leadOrgId) {
            found.add(new Refusal("unit", "task.not-lead", "节点完成由牵头单位" + leadName + "报告"));
        }
        if (m == null) {
            found.add(new Refusal("milestone", "task.milestone", "没有第 " + number + " 个节点"));
        } else if (m.doneOn() != null) {
            found.add(new Refusal("milestone", "task.milestone-done", "第 " + number + " 个节点已于 " + m.doneOn() + " 完成"));
        }
        if (evidence == null || evidence.isBlank()) {
            found.add(new Refusal("evidence", "task.evidence", "请说明节点完成情况"));
        }
        Refused.ifAny(found);
        LocalDate today = LocalDate.ofInstant(now, CITY);
        List<Milestone> ms = replace(m.done(today, evidence.strip()));
        String detail = "第 " + number + " 个节点“" + m.name() + "”完成" + (m.overdue(today) ? "（逾期）" : "（按期）");
        return new Changed(
                with(ms, reported, evaluated, false),
                new Step(now, by, "ACTIVE", "ACTIVE", "MILESTONE", evidence.strip(), detail, List.of()));
    }

    /** Urges 催办 an overdue milestone, once a day; the scan urges on the system's behalf. */
    public Changed urge(Actor by, int number, String comment, Instant now) {
        mustBeOpen();
        LocalDate today = LocalDate.ofInstant(now, CITY);
        Milestone m = milestone(number);
        if (m == null) {
            throw new Refused("milestone", "task.milestone", "没有第 " + number + " 个节点");
        }
        if (!m.overdue(today)) {
            throw new Refused("milestone", "task.not-overdue", "第 " + number + " 个节点未逾期，无需催办");
        }
        if (today.equals(m.urgedOn())) {
            throw new Refused("milestone", "task.urged-today", "第 " + number + " 个节点今天已催办");
        }
        List<Milestone> ms = replace(m.urged(today));
        String detail = "催办第 " + number + " 个节点“" + m.name() + "”，时限 " + m.deadline() + " 已过";
        return new Changed(
                with(ms, reported, evaluated, false),
                new Step(
                        now,
                        by,
                        "ACTIVE",
                        "ACTIVE",
                        "URGE",
                        comment == null || comment.isBlank() ? null : comment.strip(),
                        detail,
                        List.of()));
    }

    /** The quarterly evaluation 季度评估 by the ordering level (or above): once per quarter, of a quarter begun. */
    public Changed evaluate(Actor by, String quarter, Evaluation result, String comment, Instant now) {
        mustBeOpen();
        List<Refusal> found = new ArrayList<>();
        if (!by.covers(orderedByPath)) {
            found.add(new Refusal("actor", "task.evaluator", "季度评估由下达任务的" + orderedByName + "或其上级进行"));
        }
        LocalDate today = LocalDate.ofInstant(now, CITY);
        String current = today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate prev = today.minusMonths(3);
        String previous = prev.getYear() + "-Q" + prev.get(IsoFields.QUARTER_OF_YEAR);
        if (quarter == null || !(quarter.equals(current) || quarter.equals(previous))) {
            found.add(new Refusal("quarter", "task.quarter", "只能评估本季度（" + current + "）或上季度（" + previous + "）"));
        } else if (evaluated.contains(quarter)) {
            found.add(new Refusal("quarter", "task.quarter-evaluated", quarter + " 已评估"));
        }
        if (result == null) {
            found.add(new Refusal("result", "task.result", "请选择评估结果：达标或未达标"));
        } else if (result == Evaluation.NOT_MET && (comment == null || comment.isBlank())) {
            found.add(new Refusal("comment", "task.result", "评估未达标须写明原因"));
        }
        Refused.ifAny(found);
        Set<String> e = new HashSet<>(evaluated);
        e.add(quarter);
        return new Changed(
                with(milestones, reported, e, false),
                new Step(
                        now,
                        by,
                        "ACTIVE",
                        "ACTIVE",
                        "EVALUATE",
                        comment == null || comment.isBlank() ? null : comment.strip(),
                        quarter + " 季度评估：" + result.label(),
                        List.of()));
    }

    /** 销号: by the ordering level, when every milestone is done. */
    public Changed close(Actor by, String comment, Instant now) {
        mustBeOpen();
        List<Refusal> found = new ArrayList<>();
        if (!by.covers(orderedByPath)) {
            found.add(new Refusal("actor", "task.closer", "销号由下达任务的" + orderedByName + "或其上级办理"));
        }
        long open = milestones.stream().filter(m -> m.doneOn() == null).count();
        if (open > 0) {
            found.add(new Refusal("milestones", "task.open-milestones", "还有 " + open + " 个节点未完成，不能销号"));
        }
        Refused.ifAny(found);
        return new Changed(
                with(milestones, reported, evaluated, true),
                new Step(
                        now,
                        by,
                        "ACTIVE",
                        "CLOSED",
                        "CLOSE",
                        comment == null || comment.isBlank() ? null : comment.strip(),
                        "销号",
                        List.of()));
    }

    public boolean isUnit(long orgId) {
        return orgId == leadOrgId || coUnits.stream().anyMatch(u -> u.id() == orgId);
    }

    public Milestone milestone(int number) {
        return milestones.stream().filter(m -> m.number() == number).findFirst().orElse(null);
    }

    /** The overdue milestones not yet urged today. */
    public List<Milestone> toUrge(LocalDate today) {
        return closed
                ? List.of()
                : milestones.stream()
                        .filter(m -> m.overdue(today) && !today.equals(m.urgedOn()))
                        .toList();
    }

    private void mustBeOpen() {
        if (closed) {
            throw new Refused("status", "task.state", "任务已销号");
        }
    }

    private List<Milestone> replace(Milestone changed) {
        return milestones.stream()
                .map(m -> m.number() == changed.number() ? changed : m)
                .toList();
    }

    private LedgerTask with(List<Milestone> ms, Set<String> r, Set<String> e, boolean c) {
        return new LedgerTask(
                id,
                kind,
                title,
                goal,
                orderedByOrgId,
                orderedByName,
                orderedByPath,
                leadOrgId,
                leadName,
                coUnits,
                ms,
                r,
                e,
                c,
                version + 1);
    }
}
