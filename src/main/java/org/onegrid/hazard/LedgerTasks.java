package org.onegrid.hazard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.hazard.domain.Actor;
import org.onegrid.hazard.domain.Evaluation;
import org.onegrid.hazard.domain.LedgerTask;
import org.onegrid.hazard.domain.LedgerTaskKind;
import org.onegrid.hazard.domain.Milestone;
import org.onegrid.hazard.domain.Refusal;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.hazard.domain.Unit;
import org.onegrid.hazard.persistence.LedgerTaskRows;
import org.onegrid.hazard.persistence.LedgerTaskRows.TaskRow;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task ledgers 任务台账: "每月一调度、每季一评估，设定时限，销号管理" for work items that are not hazards — pilot tasks,
 * key projects. A level orders a task with a lead unit, co-units and milestones; each unit reports monthly; the
 * ordering level evaluates each quarter and closes the task 销号 when every milestone is done; overdue milestones
 * are urged 催办 once a day. A task is seen by the ordering level's subtree and by its units; to anyone else it does
 * not exist.
 */
@Service
public class LedgerTasks {

    private final LedgerTaskRows rows;
    private final Organisations organisations;
    private final CaseRecords records;
    private final Clock clock;

    LedgerTasks(LedgerTaskRows rows, Organisations organisations, CaseRecords records, Clock clock) {
        this.rows = rows;
        this.organisations = organisations;
        this.records = records;
        this.clock = clock;
    }

    /** The same service on another clock: the demo city replays a year with it, tests move time with it. */
    public LedgerTasks withClock(Clock other) {
        return new LedgerTasks(rows, organisations, records, other);
    }

    @Transactional
    public LedgerTaskView order(LedgerTaskCommands.OrderTask c, StaffPrincipal me) {
        Role role = Actors.actingAs(me, "下达任务", Role.LEADER, Role.CENTRE_DISPATCHER, Role.DEPARTMENT_HANDLER);
        Actor by = Actors.of(me, role);
        List<Refusal> found = new ArrayList<>();
        LedgerTaskKind kind = Screening.parse(
                LedgerTaskKind.class, c.kind(), "kind", "任务类别须为 PILOT（试点任务）、KEY_PROJECT（重点项目）或 OTHER（重点工作）", found);
        Unit lead = c.leadOrgId() == null ? null : unit(c.leadOrgId(), "leadOrgId", found);
        List<Unit> co = new ArrayList<>();
        for (Long id : c.coUnitIds() == null ? List.<Long>of() : c.coUnitIds()) {
            Unit u = id == null ? null : unit(id, "coUnitIds", found);
            if (u != null && co.stream().noneMatch(x -> x.id() == u.id())) {
                co.add(u);
            }
        }
        List<LedgerTask.PlannedMilestone> planned = c.milestones() == null
                ? List.of()
                : c.milestones().stream()
                        .map(m -> m == null ? null : new LedgerTask.PlannedMilestone(m.name(), m.deadline()))
                        .toList();
        LedgerTask.Changed made;
        try {
            made = LedgerTask.order(
                    UUID.randomUUID(), by, kind, c.title(), c.goal(), lead, co, planned, clock.instant());
        } catch (Refused r) {
            found.addAll(r.refusals());
            throw new Refused(found);
        }
        Refused.ifAny(found);
        LedgerTask t = made.task();
        rows.insert(t, clock.instant());
        records.append(CaseRecords.LEDGER_TASK, t.id(), made.step());
        String text = "新任务：" + t.title() + "（" + t.kind().label() + "，" + t.orderedByName() + "下达），请按月报送调度情况";
        records.tellOrg(t.leadOrgId(), CaseRecords.LEDGER_TASK, t.id(), "task-ordered", text, clock.instant());
        for (Unit u : t.coUnits()) {
            records.tellOrg(u.id(), CaseRecords.LEDGER_TASK, t.id(), "task-ordered", text, clock.instant());
        }
        return view(rows.find(t.id()).orElseThrow());
    }

    /** 月度调度: the caller's unit reports the month's progress. */
    @Transactional
    public LedgerTaskView report(UUID id, LedgerTaskCommands.Report c, StaffPrincipal me) {
        Role role = Actors.staff(me, "报送调度情况");
        YearMonth month = month(c.month());
        return act(
                id,
                c.version(),
                me,
                role,
                (t, by) -> t.report(by, month, c.progress(), clock.instant()),
                t -> rows.insertReport(
                        id,
                        me.orgId(),
                        me.orgName(),
                        month.toString(),
                        c.progress().strip(),
                        me.userId(),
                        clock.instant()));
    }

    @Transactional
    public LedgerTaskView completeMilestone(UUID id, LedgerTaskCommands.CompleteMilestone c, StaffPrincipal me) {
        Role role = Actors.staff(me, "报告节点完成");
        int number = c.number() == null ? 0 : c.number();
        return act(
                id,
                c.version(),
                me,
                role,
                (t, by) -> t.completeMilestone(by, number, c.evidence(), clock.instant()),
                null);
    }

    /** 催办 an overdue milestone: its lead unit is told. */
    @Transactional
    public LedgerTaskView urge(UUID id, LedgerTaskCommands.Urge c, StaffPrincipal me) {
        Role role = Actors.level(me, "催办");
        int number = c.number() == null ? 0 : c.number();
        LedgerTaskView v = act(
                id,
                c.version(),
                me,
                role,
                (t, by) -> {
                    if (!by.covers(t.orderedByPath())) {
                        throw new Refused("actor", "task.urger", "催办由下达任务的" + t.orderedByName() + "或其上级进行");
                    }
                    return t.urge(by, number, c.comment(), clock.instant());
                },
                null);
        tellUrged(v, number);
        return v;
    }

    @Transactional
    public LedgerTaskView evaluate(UUID id, LedgerTaskCommands.Evaluate c, StaffPrincipal me) {
        Role role = Actors.level(me, "季度评估");
        List<Refusal> found = new ArrayList<>();
        Evaluation result =
                Screening.parse(Evaluation.class, c.result(), "result", "评估结果须为 MET（达标）或 NOT_MET（未达标）", found);
        Refused.ifAny(found);
        String quarter = c.quarter() == null ? null : c.quarter().strip().toUpperCase(java.util.Locale.ROOT);
        return act(
                id,
                c.version(),
                me,
                role,
                (t, by) -> t.evaluate(by, quarter, result, c.comment(), clock.instant()),
                t -> rows.insertEvaluation(
                        id,
                        quarter,
                        result,
                        c.comment() == null || c.comment().isBlank()
                                ? null
                                : c.comment().strip(),
                        me.userId(),
                        clock.instant()));
    }

    @Transactional
    public LedgerTaskView close(UUID id, LedgerTaskCommands.Close c, StaffPrincipal me) {
        Role role = Actors.level(me, "销号");
        return act(id, c.version(), me, role, (t, by) -> t.close(by, c.comment(), clock.instant()), null);
    }

    /** Urges every overdue milestone not urged today, on the system's behalf; how many. The scheduled scan's work. */
    @Transactional
    public int urgeOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CityTime.ZONE);
        int n = 0;
        for (UUID id : rows.withOverdueMilestones(today, 500)) {
            TaskRow row = rows.find(id).orElseThrow();
            LedgerTask t = row.task();
            for (Milestone m : t.toUrge(today)) {
                LedgerTask.Changed c = t.urge(Actors.SYSTEM, m.number(), "节点逾期，系统自动催办", now);
                if (!rows.update(c.task(), t.version(), now)) {
                    break;
                }
                records.append(CaseRecords.LEDGER_TASK, id, c.step());
                t = c.task();
                tellUrged(view(rows.find(id).orElseThrow()), m.number());
                n++;
            }
        }
        return n;
    }

    @Transactional(readOnly = true)
    public Optional<LedgerTaskView> find(UUID id, StaffPrincipal me) {
        Actors.staff(me, "查看任务台账");
        return rows.find(id).filter(r -> sees(r.task(), me)).map(this::view);
    }

    /** The tasks the caller's level ordered (in its subtree) or works on as a unit; open first. */
    @Transactional(readOnly = true)
    public List<LedgerTaskView> list(boolean openOnly, StaffPrincipal me) {
        Actors.staff(me, "查看任务台账");
        return rows.visible(me.scopePath() == null ? "" : me.scopePath(), me.orgId(), openOnly, 500).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<HazardView.HistoryStep> history(UUID id, StaffPrincipal me) {
        find(id, me).orElseThrow(() -> Problems.notFound("ledger task", id.toString()));
        return records.of(CaseRecords.LEDGER_TASK, id).stream()
                .map(Hazards::step)
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean historyIntact(UUID id) {
        return records.verify(CaseRecords.LEDGER_TASK, id).holds();
    }

    // ---------------------------------------------------------------------------------------------------------

    interface Action {
        LedgerTask.Changed apply(LedgerTask t, Actor by);
    }

    interface Also {
        void run(LedgerTask changed);
    }

    private LedgerTaskView act(UUID id, Integer version, StaffPrincipal me, Role role, Action action, Also also) {
        TaskRow row = rows.find(id)
                .filter(r -> sees(r.task(), me))
                .orElseThrow(() -> Problems.notFound("ledger task", id.toString()));
        LedgerTask t = row.task();
        if (version != null && version != t.version()) {
            throw Problems.conflict("该任务已被他人修改，请刷新后重试");
        }
        LedgerTask.Changed c = action.apply(t, Actors.of(me, role));
        if (!rows.update(c.task(), t.version(), clock.instant())) {
            throw Problems.conflict("该任务已被他人修改，请刷新后重试");
        }
        if (also != null) {
            also.run(c.task());
        }
        records.append(CaseRecords.LEDGER_TASK, id, c.step());
        return view(rows.find(id).orElseThrow());
    }

    private void tellUrged(LedgerTaskView v, int number) {
        LedgerTaskView.MilestoneView m = v.milestones().stream()
                .filter(x -> x.number() == number)
                .findFirst()
                .orElseThrow();
        records.tellOrg(
                v.leadOrgId(),
                CaseRecords.LEDGER_TASK,
                v.id(),
                "task-urged",
                "催办：" + v.title() + " 第 " + number + " 个节点“" + m.name() + "”时限 " + m.deadline() + " 已过，请抓紧完成并报送",
                clock.instant());
    }

    private static boolean sees(LedgerTask t, StaffPrincipal me) {
        String scope = me.scopePath() == null ? "" : me.scopePath();
        return t.orderedByPath().startsWith(scope) || t.isUnit(me.orgId());
    }

    private Unit unit(long orgId, String field, List<Refusal> found) {
        Optional<OrganisationView> o = organisations.find(orgId);
        if (o.isEmpty()) {
            found.add(new Refusal(field, "task.unit", "没有编号为 " + orgId + " 的单位"));
            return null;
        }
        return new Unit(Unit.Kind.DEPARTMENT, o.get().id(), o.get().name());
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new Refused("month", "task.month", "请选择调度月份（如 2026-12）");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Refused("month", "task.month", "调度月份“" + text + "”格式应为 2026-12");
        }
    }

    LedgerTaskView view(TaskRow r) {
        LedgerTask t = r.task();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityTime.ZONE);
        List<LedgerTaskView.MilestoneView> ms = t.milestones().stream()
                .map(m -> new LedgerTaskView.MilestoneView(
                        m.number(), m.name(), m.deadline(), m.doneOn(), m.evidence(), m.overdue(today), m.urgedOn()))
                .toList();
        return new LedgerTaskView(
                t.id(),
                String.format("RW%04d", r.number()),
                t.kind().name(),
                t.kind().label(),
                t.title(),
                t.goal(),
                t.orderedByName(),
                t.leadOrgId(),
                t.leadName(),
                t.coUnits().stream()
                        .map(u -> new LedgerTaskView.Unit(u.id(), u.name()))
                        .toList(),
                ms,
                (int) ms.stream().filter(m -> m.doneOn() != null).count(),
                (int) ms.stream().filter(LedgerTaskView.MilestoneView::overdue).count(),
                t.closed()
                        ? null
                        : ms.stream()
                                .filter(m -> m.doneOn() == null)
                                .map(LedgerTaskView.MilestoneView::deadline)
                                .min(LocalDate::compareTo)
                                .orElse(null),
                rows.reports(t.id()).stream()
                        .map(x -> new LedgerTaskView.Report(x.orgName(), x.month(), x.progress(), x.reportedAt()))
                        .toList(),
                rows.evaluations(t.id()).stream()
                        .map(x -> new LedgerTaskView.Evaluation(
                                x.quarter(), x.result().name(), x.result().label(), x.comment(), x.evaluatedAt()))
                        .toList(),
                t.closed(),
                r.closedAt(),
                t.version());
    }
}
