package org.onegrid.hazard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.locationtech.jts.geom.Point;
import org.onegrid.hazard.domain.Actor;
import org.onegrid.hazard.domain.Answer;
import org.onegrid.hazard.domain.ChecklistItem;
import org.onegrid.hazard.domain.Evidence;
import org.onegrid.hazard.domain.Finding;
import org.onegrid.hazard.domain.Frequency;
import org.onegrid.hazard.domain.Grade;
import org.onegrid.hazard.domain.Hazard;
import org.onegrid.hazard.domain.PlaceRules;
import org.onegrid.hazard.domain.Refusal;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.hazard.domain.ScreeningPlan;
import org.onegrid.hazard.domain.ScreeningTask;
import org.onegrid.hazard.domain.Source;
import org.onegrid.hazard.domain.Step;
import org.onegrid.hazard.domain.Target;
import org.onegrid.hazard.domain.TaskOwner;
import org.onegrid.hazard.domain.TaskStatus;
import org.onegrid.hazard.domain.Unit;
import org.onegrid.hazard.domain.Verdict;
import org.onegrid.hazard.persistence.PlanRows;
import org.onegrid.hazard.persistence.TaskRows;
import org.onegrid.hazard.persistence.TaskRows.TaskRow;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.RegistryQueries;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.geo.Position;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening plans 排查计划 and their tasks. A level orders a plan for its subtree; each period generates one task per
 * target (a grid, or an organisation of the plan's kind) — once, whichever node runs the generation and however
 * often, by the key plan + period + target, and catching up every period missed after an outage. A task is done at
 * the place with the whole checklist answered; each failed item becomes a hazard in the same transaction. Plans and
 * tasks outside the caller's region are answered as if they did not exist.
 */
@Service
public class Screening {

    /** How many periods one generation catches up at most (a daily plan switched off for a year: all of them). */
    static final int CATCH_UP = 400;

    private final PlanRows plans;
    private final TaskRows tasks;
    private final Hazards hazards;
    private final RegistryQueries registry;
    private final Grids grids;
    private final Regions regions;
    private final CaseRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    Screening(
            PlanRows plans,
            TaskRows tasks,
            Hazards hazards,
            RegistryQueries registry,
            Grids grids,
            Regions regions,
            CaseRecords records,
            JdbcClient jdbc,
            Clock clock) {
        this.plans = plans;
        this.tasks = tasks;
        this.hazards = hazards;
        this.registry = registry;
        this.grids = grids;
        this.regions = regions;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The same service on another clock: the demo city replays a year with it, tests move time with it. */
    public Screening withClock(Clock other) {
        return new Screening(plans, tasks, hazards.withClock(other), registry, grids, regions, records, jdbc, other);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CityTime.ZONE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Plans

    /**
     * 下达排查计划, and generates the tasks of the periods begun (the current one; earlier ones when the plan starts in
     * the past). Refused with every reason at once ({@link Refused}) when it does not hold together.
     */
    @Transactional
    public PlanView orderPlan(OrderPlan c, StaffPrincipal me) {
        Role role = Actors.level(me, "下达排查计划");
        Actor by = Actors.of(me, role);
        List<Refusal> found = new ArrayList<>();
        String scopePath = null;
        if (c.regionCode() != null && !c.regionCode().isBlank()) {
            RegionView region = regions.find(c.regionCode().strip())
                    .filter(me::canSee)
                    .orElseThrow(() -> Problems.notFound("region", c.regionCode()));
            scopePath = region.path();
        }
        Target target = null;
        Target.Kind kind = parse(
                Target.Kind.class, c.targetKind(), "targetKind", "排查对象须为 GRIDS（辖区网格）或 ORGANISATIONS（单位和场所）", found);
        if (kind == Target.Kind.GRIDS) {
            target = Target.grids();
        } else if (kind == Target.Kind.ORGANISATIONS) {
            OrganisationTag tag =
                    parse(OrganisationTag.class, c.targetTag(), "targetTag", "单位和场所类别须为 " + tags(), found);
            target = tag == null ? null : Target.organisations(tag);
            if (tag == null && found.isEmpty()) {
                found.add(new Refusal("targetTag", "plan.target", "请选择单位和场所的类别：" + tags()));
            }
        }
        TaskOwner owner =
                parse(TaskOwner.class, c.owner(), "owner", "任务责任人须为 GRID_WORKER、VILLAGE、TOWN、COUNTY 或 CITY", found);
        List<ChecklistItem> items = new ArrayList<>();
        List<OrderPlan.Item> given = c.checklist() == null ? List.of() : c.checklist();
        for (int i = 0; i < given.size(); i++) {
            OrderPlan.Item it = given.get(i);
            if (it == null) {
                continue;
            }
            Evidence evidence = it.evidence() == null || it.evidence().isBlank()
                    ? Evidence.NONE
                    : parse(
                            Evidence.class,
                            it.evidence(),
                            "checklist[" + i + "].evidence",
                            "佐证须为 NONE、NOTE、PHOTO 或 PHOTO_AND_NOTE",
                            found);
            Grade grade = it.failGrade() == null || it.failGrade().isBlank()
                    ? Grade.GENERAL
                    : parse(
                            Grade.class,
                            it.failGrade(),
                            "checklist[" + i + "].failGrade",
                            "隐患等级须为 GENERAL（一般）或 MAJOR（重大）",
                            found);
            items.add(new ChecklistItem(
                    it.code() == null ? null : it.code().strip(),
                    it.text() == null ? null : it.text().strip(),
                    evidence,
                    grade));
        }
        ScreeningPlan plan;
        try {
            plan = ScreeningPlan.order(
                    UUID.randomUUID(),
                    by,
                    c.name(),
                    scopePath,
                    target,
                    c.frequency(),
                    c.startsOn() == null ? today() : c.startsOn(),
                    c.dueDays(),
                    items,
                    owner,
                    today());
        } catch (Refused r) {
            found.addAll(r.refusals());
            throw new Refused(found);
        }
        Refused.ifAny(found);
        plans.insert(plan, me.userId());
        records.append(CaseRecords.PLAN, plan.id(), plan.ordered(by, clock.instant()));
        generate(plan.id());
        return view(plans.find(plan.id()).orElseThrow());
    }

    /** The plans ordered in the caller's region or for a part of it, active first. */
    @Transactional(readOnly = true)
    public List<PlanView> plans(StaffPrincipal me) {
        Actors.staff(me, "查看排查计划");
        return plans.inScope(scope(me), 200).stream()
                .filter(p -> me.canSeePath(p.scopePath())
                        || p.scopePath().startsWith(scope(me))
                        || scope(me).startsWith(p.scopePath()))
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<PlanView> plan(UUID id, StaffPrincipal me) {
        Actors.staff(me, "查看排查计划");
        return plans.find(id).filter(p -> visible(p, me)).map(this::view);
    }

    /** Stops a plan: no further periods are generated; the tasks generated stay. By the ordering level. */
    @Transactional
    public PlanView stopPlan(UUID id, Integer version, StaffPrincipal me) {
        Role role = Actors.level(me, "停止排查计划");
        ScreeningPlan p =
                plans.find(id).filter(x -> visible(x, me)).orElseThrow(() -> Problems.notFound("plan", id.toString()));
        if (!me.canSeePath(p.orderedByPath())) {
            throw Problems.forbidden("排查计划由下达的" + p.orderedByName() + "或其上级停止");
        }
        if (!p.active()) {
            throw Problems.conflict("该排查计划已停止");
        }
        if (!plans.stop(id, version == null ? p.version() : version)) {
            throw Problems.conflict("该排查计划已被他人修改，请刷新后重试");
        }
        records.append(
                CaseRecords.PLAN,
                id,
                new Step(clock.instant(), Actors.of(me, role), "ACTIVE", "STOPPED", "STOP", null, null, List.of()));
        return view(plans.find(id).orElseThrow());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generation

    /**
     * Generates the tasks of every period of the plan begun by today and not generated yet; how many tasks were new.
     * The plan row is locked while it runs, and tasks that exist already (another node, an earlier run) are skipped
     * by their unique key, so running it twice or on two nodes at once makes each task once.
     */
    @Transactional
    public int generate(UUID planId) {
        ScreeningPlan plan = plans.lock(planId).orElseThrow(() -> Problems.notFound("plan", planId.toString()));
        LocalDate today = today();
        List<Frequency.Slot> due = plan.periodsDue(today, CATCH_UP);
        if (due.isEmpty()) {
            return 0;
        }
        List<TargetPlace> targets = targets(plan);
        int created = 0;
        for (Frequency.Slot slot : due) {
            List<ScreeningTask> batch = new ArrayList<>(targets.size());
            LocalDate dueOn = plan.dueOn(slot);
            for (TargetPlace t : targets) {
                batch.add(new ScreeningTask(
                        UUID.randomUUID(),
                        plan.id(),
                        slot.key(),
                        slot.label(),
                        t.orgId(),
                        t.name(),
                        t.gridCode(),
                        t.regionPath(),
                        t.point(),
                        plan.owner(),
                        plan.owner().ownerPath(t.regionPath()),
                        slot.start(),
                        dueOn,
                        TaskStatus.OPEN,
                        0));
            }
            int n = tasks.insertMissing(batch);
            created += n;
            records.append(
                    CaseRecords.PLAN,
                    plan.id(),
                    new Step(
                            clock.instant(),
                            Actors.SYSTEM,
                            "ACTIVE",
                            "ACTIVE",
                            "GENERATE",
                            null,
                            slot.label() + "：生成排查任务 " + n + " 项，" + dueOn + " 前完成",
                            List.of()));
        }
        plans.generatedThrough(plan.id(), due.get(due.size() - 1).end());
        return created;
    }

    /** The active plans with a period begun and not yet generated: the scheduled generation's work. */
    public List<UUID> plansDue() {
        return plans.dueForGeneration(today());
    }

    record TargetPlace(Long orgId, String name, String gridCode, String regionPath, Position point) {}

    private List<TargetPlace> targets(ScreeningPlan plan) {
        if (plan.target().kind() == Target.Kind.ORGANISATIONS) {
            return registry.placesTagged(plan.target().tag(), plan.scopePath()).stream()
                    .map(p -> new TargetPlace(
                            p.id(), p.name(), p.gridCode(), p.regionPath(), new Position(p.lng(), p.lat())))
                    .toList();
        }
        List<TargetPlace> out = new ArrayList<>();
        String code = CaseRecords.codeOf(plan.scopePath());
        for (GridView g : grids.inRegion(code)) {
            Optional<Location> loc = grids.location(g.code());
            if (loc.isEmpty() || loc.get().village() == null) {
                continue;
            }
            Position centre = grids.geometry(g.code())
                    .map(geo -> {
                        Point p = geo.getInteriorPoint();
                        return new Position(p.getX(), p.getY());
                    })
                    .orElse(null);
            out.add(new TargetPlace(
                    null, g.name(), g.code(), loc.get().village().path(), centre));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks

    /** 我的排查任务: the caller's open tasks, opened by today, most urgent first (missed ones first of all). */
    @Transactional(readOnly = true)
    public List<TaskView> myTasks(StaffPrincipal me) {
        Actors.staff(me, "排查任务");
        return tasks.openFor(scope(me), me.grids(), today(), 200).stream()
                .map(r -> view(r, false))
                .toList();
    }

    /** One task with its checklist; empty when outside the caller's region. */
    @Transactional(readOnly = true)
    public Optional<TaskView> task(UUID id, StaffPrincipal me) {
        Actors.staff(me, "排查任务");
        return tasks.find(id).filter(r -> sees(r, me)).map(r -> view(r, true));
    }

    /** The tasks of a region (default: the caller's) due in a span, by state ({@code OPEN}, {@code MISSED}, {@code DONE}). */
    @Transactional(readOnly = true)
    public List<TaskView> tasks(
            String regionCode, UUID planId, LocalDate from, LocalDate to, String state, int page, StaffPrincipal me) {
        Actors.staff(me, "排查任务");
        String path = regionPath(regionCode, me);
        LocalDate t = to == null ? today().plusYears(1) : to;
        LocalDate f = from == null ? t.minusYears(1) : from;
        String s = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of("OPEN", "MISSED", "DONE").contains(s)) {
            throw Problems.invalid("state", "state must be OPEN, MISSED or DONE");
        }
        return tasks.inRegion(path, planId, f, t, s, today(), Math.max(0, page) * 50, 50).stream()
                .map(r -> view(r, false))
                .toList();
    }

    /**
     * 完成排查: at the place, every item answered with its evidence. Each failed item becomes a hazard 隐患 in the same
     * transaction, graded by the item's rule (or as the checker says, with a reason); the photos are attached to the
     * task or to the hazard they show. Refused with every reason, and then nothing is recorded.
     */
    @Transactional
    public TaskView complete(UUID id, CompleteTask c, StaffPrincipal me) {
        Role role = Actors.actingAs(me, "完成排查任务", Role.GRID_WORKER, Role.CENTRE_DISPATCHER, Role.DEPARTMENT_HANDLER);
        TaskRow row =
                tasks.find(id).filter(r -> sees(r, me)).orElseThrow(() -> Problems.notFound("task", id.toString()));
        if (c.version() != null && c.version() != row.task().version()) {
            throw Problems.conflict("该排查任务已被他人修改，请刷新后重试");
        }
        ScreeningPlan plan = plans.find(row.task().planId()).orElseThrow();
        Actor by = Actors.of(me, role);
        List<Refusal> found = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        List<CompleteTask.GivenAnswer> given = c.answers() == null ? List.of() : c.answers();
        for (int i = 0; i < given.size(); i++) {
            CompleteTask.GivenAnswer g = given.get(i);
            if (g == null) {
                found.add(new Refusal("answers[" + i + "]", "task.answer", "第 " + (i + 1) + " 个回答为空"));
                continue;
            }
            Verdict v = parse(
                    Verdict.class,
                    g.verdict(),
                    "answers[" + i + "].verdict",
                    "回答须为 PASS（合格）、FAIL（不合格）或 NOT_APPLICABLE（不适用）",
                    found);
            Grade grade = g.grade() == null || g.grade().isBlank()
                    ? null
                    : parse(Grade.class, g.grade(), "answers[" + i + "].grade", "隐患等级须为 GENERAL 或 MAJOR", found);
            answers.add(new Answer(g.itemCode(), v, g.note(), g.photoIds(), grade, g.gradeReason()));
        }
        Refused.ifAny(found);
        Position at = c.lng() == null || c.lat() == null ? null : new Position(c.lng(), c.lat());
        Instant now = clock.instant();
        ScreeningTask.Done done =
                row.task().complete(by, me.grids(), at, answers, plan.checklist(), PlaceRules.DEFAULT, today(), now);
        if (!tasks.complete(
                done, me.userId(), me.displayName(), now, answers, row.task().version())) {
            throw Problems.conflict("该排查任务已被他人提交，请刷新后重试");
        }
        List<String> failedPhotos =
                done.findings().stream().flatMap(f -> f.photoIds().stream()).toList();
        List<String> taskPhotos = answers.stream()
                .flatMap(a -> a.photoIds().stream())
                .filter(p -> !failedPhotos.contains(p))
                .toList();
        records.attach(taskPhotos, CaseRecords.TASK, id, me.userId());
        records.append(CaseRecords.TASK, id, done.step());
        Unit unit = row.task().targetOrgId() == null
                ? null
                : new Unit(
                        Unit.Kind.ORGANISATION,
                        row.task().targetOrgId(),
                        row.task().targetName());
        for (Finding f : done.findings()) {
            hazards.found(
                    new Hazard.Found(
                            Source.TASK,
                            id.toString(),
                            f.itemCode(),
                            f.itemText(),
                            f.note(),
                            f.grade(),
                            f.gradeReason(),
                            unit,
                            row.task().gridCode(),
                            row.task().regionPath(),
                            row.task().place(),
                            row.task().targetName(),
                            f.photoIds()),
                    id,
                    by,
                    me);
        }
        return view(tasks.find(id).orElseThrow(), true);
    }

    // ---------------------------------------------------------------------------------------------------------

    private boolean sees(TaskRow r, StaffPrincipal me) {
        return me.canSeePath(r.task().regionPath())
                || me.grids().contains(r.task().gridCode())
                || me.canSeePath(r.task().ownerPath());
    }

    private boolean visible(ScreeningPlan p, StaffPrincipal me) {
        String s = scope(me);
        return p.scopePath().startsWith(s) || s.startsWith(p.scopePath());
    }

    String regionPath(String regionCode, StaffPrincipal me) {
        if (regionCode == null || regionCode.isBlank()) {
            return scope(me);
        }
        return regions.find(regionCode.strip())
                .filter(me::canSee)
                .map(RegionView::path)
                .orElseThrow(() -> Problems.notFound("region", regionCode));
    }

    static String scope(StaffPrincipal me) {
        return me.scopePath() == null ? "" : me.scopePath();
    }

    private static String tags() {
        StringBuilder b = new StringBuilder();
        for (OrganisationTag t : OrganisationTag.values()) {
            b.append(b.isEmpty() ? "" : "、")
                    .append(t.name())
                    .append("（")
                    .append(t.label())
                    .append("）");
        }
        return b.toString();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message, List<Refusal> found) {
        if (value == null || value.isBlank()) {
            found.add(new Refusal(field, "input." + field, message));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            found.add(new Refusal(field, "input." + field, message + "（收到“" + value + "”）"));
            return null;
        }
    }

    PlanView view(ScreeningPlan p) {
        return new PlanView(
                p.id(),
                p.name(),
                p.orderedByName(),
                CaseRecords.codeOf(p.scopePath()),
                p.target().kind().name(),
                p.target().tag() == null ? null : p.target().tag().name(),
                p.target().label(),
                p.frequency().text(),
                p.frequency().label(),
                p.startsOn(),
                p.dueDays(),
                p.owner().name(),
                p.owner().label(),
                items(p.checklist()),
                p.active(),
                p.generatedThrough(),
                p.version());
    }

    static List<PlanView.ItemView> items(List<ChecklistItem> checklist) {
        return checklist.stream()
                .map(i -> new PlanView.ItemView(
                        i.code(),
                        i.text(),
                        i.evidence().name(),
                        i.evidence().label(),
                        i.failGrade().name(),
                        i.failGrade().label()))
                .toList();
    }

    private TaskView view(TaskRow r, boolean full) {
        ScreeningTask t = r.task();
        boolean missed = t.missed(today());
        String state = t.status() == TaskStatus.DONE ? "DONE" : missed ? "MISSED" : "OPEN";
        String label = t.status() == TaskStatus.DONE ? (r.late() ? "逾期完成" : "已完成") : missed ? "逾期未完成" : "待排查";
        List<PlanView.ItemView> checklist =
                full ? plans.find(t.planId()).map(p -> items(p.checklist())).orElse(List.of()) : List.of();
        List<TaskView.AnswerView> answers = full
                ? r.answers().stream()
                        .map(a -> new TaskView.AnswerView(
                                a.itemCode(),
                                a.verdict().name(),
                                a.verdict().label(),
                                a.note(),
                                a.photoIds(),
                                a.grade() == null ? null : a.grade().name()))
                        .toList()
                : List.of();
        List<UUID> hazardIds = full && r.findings() > 0 ? hazards.idsOfTask(t.id()) : List.of();
        return new TaskView(
                t.id(),
                t.planId(),
                r.planName(),
                t.periodLabel(),
                t.targetName(),
                t.targetOrgId(),
                t.gridCode(),
                t.place() == null ? null : t.place().lng(),
                t.place() == null ? null : t.place().lat(),
                t.owner().label(),
                t.opensOn(),
                t.dueOn(),
                state,
                label,
                r.doneAt(),
                r.doneByName(),
                r.distanceMetres(),
                r.far(),
                r.late(),
                r.findings(),
                checklist,
                answers,
                hazardIds,
                t.version());
    }

    static final Comparator<TaskView> URGENT = Comparator.comparing(TaskView::dueOn);
}
