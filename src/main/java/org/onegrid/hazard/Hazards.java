package org.onegrid.hazard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.onegrid.casework.CaseEntry;
import org.onegrid.casework.attach.Attachment;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.OverdueSweep;
import org.onegrid.casework.time.Window;
import org.onegrid.hazard.domain.Actor;
import org.onegrid.hazard.domain.Grade;
import org.onegrid.hazard.domain.Hazard;
import org.onegrid.hazard.domain.HazardStatus;
import org.onegrid.hazard.domain.MeasuresPlan;
import org.onegrid.hazard.domain.Refusal;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.hazard.domain.Source;
import org.onegrid.hazard.domain.Step;
import org.onegrid.hazard.domain.Unit;
import org.onegrid.hazard.persistence.HazardRows;
import org.onegrid.hazard.persistence.HazardRows.HazardRow;
import org.onegrid.hazard.persistence.TaskRows;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.PlaceOfConcern;
import org.onegrid.registry.RegistryQueries;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.geo.Position;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.TimeMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hazards 隐患 and their ledger 台账: the path from the finding through the rectification notice 整改通知, the
 * "五到位" plan of a 重大隐患, the unit's rectification, the acceptance check 验收 by the issuing level, to 销号 — or,
 * overdue, 挂牌督办 by the level above. Each action is one guarded transition of the aggregate, one entry in the
 * hash-chained history and, where someone must act next, one notification. Hazards outside the caller's region are
 * answered as if they did not exist.
 */
@Service
public class Hazards {

    private final HazardRows rows;
    private final TaskRows tasks;
    private final RegistryQueries registry;
    private final Grids grids;
    private final Regions regions;
    private final Organisations organisations;
    private final CaseRecords records;
    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Clock clock;

    Hazards(
            HazardRows rows,
            TaskRows tasks,
            RegistryQueries registry,
            Grids grids,
            Regions regions,
            Organisations organisations,
            CaseRecords records,
            JdbcClient jdbc,
            Deadlines deadlines,
            Clock clock) {
        this.rows = rows;
        this.tasks = tasks;
        this.registry = registry;
        this.grids = grids;
        this.regions = regions;
        this.organisations = organisations;
        this.records = records;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The same service on another clock: the demo city replays a year with it, tests move time with it. */
    public Hazards withClock(Clock other) {
        return new Hazards(rows, tasks, registry, grids, regions, organisations, records, jdbc, deadlines, other);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding

    /** A finding of a screening task becomes a hazard, in the task's transaction. */
    UUID found(Hazard.Found f, UUID taskId, Actor by, StaffPrincipal me) {
        Hazard.Started s = Hazard.find(UUID.randomUUID(), f, by, clock.instant());
        long number = rows.insert(s.hazard(), taskId, by.orgName());
        records.attach(f.photoIds(), CaseRecords.HAZARD, s.hazard().id(), me.userId());
        records.append(CaseRecords.HAZARD, s.hazard().id(), s.step());
        if (s.hazard().grade() == Grade.MAJOR) {
            records.tellLevelAbove(
                    by.regionPath(),
                    CaseRecords.HAZARD,
                    s.hazard().id(),
                    "hazard-major",
                    "发现重大隐患 " + number(number) + "：" + place(s.hazard()) + "，"
                            + s.hazard().description(),
                    clock.instant());
        }
        return s.hazard().id();
    }

    /**
     * 登记隐患 found on a visit, a patrol, handed over from an incident of the 安全隐患 category, or directly: at an
     * organisation (which becomes the responsible unit) or at a point, in the caller's region.
     */
    @Transactional
    public HazardView report(HazardCommands.ReportHazard c, StaffPrincipal me) {
        Role role = Actors.staff(me, "登记隐患");
        Actor by = Actors.of(me, role);
        List<Refusal> found = new ArrayList<>();
        Source source = Screening.parse(
                Source.class,
                c.source() == null ? "REPORT" : c.source(),
                "source",
                "来源须为 VISIT、PATROL、INCIDENT 或 REPORT",
                found);
        if (source == Source.TASK) {
            found.add(new Refusal("source", "hazard.source", "排查任务发现的隐患随任务一并提交"));
        }
        Grade grade = Screening.parse(Grade.class, c.grade(), "grade", "隐患等级须为 GENERAL（一般隐患）或 MAJOR（重大隐患）", found);
        Unit unit = null;
        String grid = null;
        String path = null;
        Position point = c.lng() == null || c.lat() == null ? null : new Position(c.lng(), c.lat());
        String placeName = c.placeName();
        if (c.organisationId() != null) {
            PlaceOfConcern p = registry.place(c.organisationId())
                    .filter(o -> me.canSeePath(o.regionPath()) || me.grids().contains(o.gridCode()))
                    .orElseThrow(() -> Problems.notFound("organisation", String.valueOf(c.organisationId())));
            unit = new Unit(Unit.Kind.ORGANISATION, p.id(), p.name());
            grid = p.gridCode();
            path = p.regionPath();
            point = point == null ? new Position(p.lng(), p.lat()) : point;
            placeName = placeName == null || placeName.isBlank() ? p.name() : placeName;
        } else if (point != null && point.valid()) {
            Optional<Location> at = grids.locate(point.lng(), point.lat());
            if (at.isEmpty()) {
                found.add(new Refusal("lng", "hazard.place", "该位置不在本市任何网格之内"));
            } else {
                grid = at.get().grid().code();
                path = at.get().village().path();
            }
        } else {
            found.add(new Refusal("organisationId", "hazard.place", "请选择隐患所在单位，或给出隐患位置"));
        }
        if (c.photoIds() != null && c.photoIds().size() > 9) {
            found.add(new Refusal("photoIds", "hazard.photos", "最多上传 9 张照片"));
        }
        Refused.ifAny(found);
        if (path != null && !me.canSeePath(path) && !me.grids().contains(grid)) {
            throw Problems.notFound("place", grid == null ? "" : grid);
        }
        Hazard.Found f = new Hazard.Found(
                source,
                blank(c.sourceRef()),
                null,
                null,
                c.description(),
                grade,
                null,
                unit,
                grid,
                path,
                point,
                blank(placeName),
                c.photoIds() == null ? List.of() : c.photoIds());
        Actor finder =
                by.covers(path) ? by : new Actor(by.userId(), by.name(), by.role(), by.orgId(), by.orgName(), path);
        UUID id = found(f, null, finder, me);
        return view(rows.find(id).orElseThrow());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Actions

    @Transactional
    public HazardView regrade(UUID id, HazardCommands.Regrade c, StaffPrincipal me) {
        List<Refusal> found = new ArrayList<>();
        Grade grade = Screening.parse(Grade.class, c.grade(), "grade", "隐患等级须为 GENERAL（一般隐患）或 MAJOR（重大隐患）", found);
        Refused.ifAny(found);
        return act(
                id,
                c.version(),
                me,
                Actors.level(me, "调整隐患等级"),
                (h, by) -> h.regrade(by, grade, c.reason(), clock.instant()),
                List.of(),
                null);
    }

    /** 下达整改通知 with a deadline 限期整改: the unit is told, the light starts. */
    @Transactional
    public HazardView issueNotice(UUID id, HazardCommands.IssueNotice c, StaffPrincipal me) {
        Role role = Actors.level(me, "下达整改通知");
        Unit unit = unit(c.unitKind(), c.unitId(), me);
        return act(
                id,
                c.version(),
                me,
                role,
                (h, by) -> h.issueNotice(by, unit, c.deadline(), c.requirements(), clock.instant()),
                List.of(),
                (h, row) -> {
                    if (h.unit().kind() == Unit.Kind.DEPARTMENT) {
                        records.tellOrg(
                                h.unit().id(),
                                CaseRecords.HAZARD,
                                h.id(),
                                "hazard-notice",
                                "整改通知：" + number(row) + " " + h.description() + "，限 " + h.deadlineDay() + " 前整改完毕",
                                clock.instant());
                    }
                });
    }

    @Transactional
    public HazardView planMeasures(UUID id, HazardCommands.PlanMeasures c, StaffPrincipal me) {
        Role role = Actors.staff(me, "落实“五到位”方案");
        MeasuresPlan plan = new MeasuresPlan(c.measures(), c.funds(), c.deadline(), c.responsible(), c.emergencyPlan());
        return act(id, c.version(), me, role, (h, by) -> h.planMeasures(by, plan, clock.instant()), List.of(), null);
    }

    /** The unit's rectification with its evidence, reported by the caller's organisation on its behalf. */
    @Transactional
    public HazardView reportRectification(UUID id, HazardCommands.ReportRectification c, StaffPrincipal me) {
        Role role = Actors.staff(me, "报告整改");
        List<String> photos = c.photoIds() == null ? List.of() : c.photoIds();
        return act(
                id,
                c.version(),
                me,
                role,
                (h, by) -> h.reportRectification(by, c.note(), photos, clock.instant()),
                photos,
                (h, row) -> records.tellOrg(
                        h.issuerOrgId(),
                        CaseRecords.HAZARD,
                        h.id(),
                        "hazard-rectified",
                        "待验收：" + number(row) + " " + place(h) + " 已报告整改",
                        clock.instant()));
    }

    /** 验收 by the issuing level (or above); not by the organisation that reported the rectification. */
    @Transactional
    public HazardView accept(UUID id, HazardCommands.Accept c, StaffPrincipal me) {
        Role role = Actors.level(me, "验收");
        if (c.passed() == null) {
            throw new Refused("passed", "hazard.accept", "请选择验收结果：通过或不通过");
        }
        List<String> photos = c.photoIds() == null ? List.of() : c.photoIds();
        return act(
                id,
                c.version(),
                me,
                role,
                (h, by) -> h.accept(by, c.passed(), c.comment(), photos, clock.instant()),
                photos,
                null);
    }

    /** 销号: refused without an acceptance. */
    @Transactional
    public HazardView close(UUID id, HazardCommands.Close c, StaffPrincipal me) {
        Role role = Actors.level(me, "销号");
        return act(id, c.version(), me, role, (h, by) -> h.close(by, c.comment(), clock.instant()), List.of(), null);
    }

    /** 挂牌督办 of an overdue hazard by a level above the one that last followed it, with its own deadline. */
    @Transactional
    public HazardView supervise(UUID id, HazardCommands.Supervise c, StaffPrincipal me) {
        Role role = Actors.actingAs(me, "挂牌督办", Role.LEADER, Role.CENTRE_DISPATCHER, Role.DEPARTMENT_HANDLER);
        return act(
                id,
                c.version(),
                me,
                role,
                (h, by) -> h.supervise(by, c.deadline(), c.comment(), clock.instant()),
                List.of(),
                (h, row) -> {
                    String text = "挂牌督办：" + number(row) + " " + place(h) + "，" + h.supervisorName() + "督办，限 "
                            + h.deadlineDay() + " 前整改完毕";
                    records.tellOrg(
                            h.issuerOrgId(), CaseRecords.HAZARD, h.id(), "hazard-supervised", text, clock.instant());
                    if (h.unit() != null && h.unit().kind() == Unit.Kind.DEPARTMENT) {
                        records.tellOrg(
                                h.unit().id(), CaseRecords.HAZARD, h.id(), "hazard-supervised", text, clock.instant());
                    }
                });
    }

    interface Action {
        Step apply(Hazard h, Actor by);
    }

    interface After {
        void run(Hazard h, HazardRow row);
    }

    private HazardView act(
            UUID id, Integer version, StaffPrincipal me, Role role, Action action, List<String> photos, After after) {
        HazardRow row = visibleRow(id, me);
        Hazard h = row.hazard();
        if (version != null && version != h.version()) {
            throw Problems.conflict("该隐患已被他人处理，请刷新后重试");
        }
        int before = h.version();
        Step step = action.apply(h, Actors.of(me, role));
        if (!rows.update(h, before, yellowAt(h, step))) {
            throw Problems.conflict("该隐患已被他人处理，请刷新后重试");
        }
        records.attach(photos, CaseRecords.HAZARD, id, me.userId());
        records.append(CaseRecords.HAZARD, id, step);
        if (after != null) {
            after.run(h, row);
        }
        return view(rows.find(id).orElseThrow());
    }

    /** When the current deadline's light turns yellow: at 80 % of the time from its start to its end. */
    private Instant yellowAt(Hazard h, Step step) {
        if (h.deadline() == null) {
            return null;
        }
        Instant start = "NOTIFY".equals(step.action()) || "SUPERVISE".equals(step.action()) ? step.at() : null;
        if (start == null) {
            return rows.find(h.id()).map(HazardRow::yellowAt).orElse(h.deadline());
        }
        // a notice's deadline is a day of the calendar: its time is counted in natural time
        return Window.yellowAt(start, h.deadline(), TimeMode.NATURAL, deadlines);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Overdue

    /**
     * Marks each notified hazard past its deadline once, and tells the level above the one that last followed it
     * (the issuer, or the last supervisor) that it may put it under 挂牌督办; how many were marked.
     */
    @Transactional
    public int scanOverdue() {
        Instant now = clock.instant();
        return OverdueSweep.sweep(
                new OverdueSweep.Due<UUID>() {
                    @Override
                    public List<UUID> due(int limit) {
                        return rows.overdueUnmarked(now, limit);
                    }

                    @Override
                    public boolean mark(UUID id) {
                        return markOverdue(id, now);
                    }
                },
                OverdueSweep.unpaced());
    }

    private boolean markOverdue(UUID id, Instant now) {
        HazardRow row = rows.find(id).orElse(null);
        if (row == null) {
            return false;
        }
        Hazard h = row.hazard();
        int before = h.version();
        Step step = h.markOverdue(Actors.SYSTEM, now);
        if (step == null || !rows.update(h, before, row.yellowAt())) {
            return false;
        }
        records.append(CaseRecords.HAZARD, id, step);
        String followedBy = h.supervisorPath() != null ? h.supervisorPath() : h.issuerPath();
        records.tellLevelAbove(
                followedBy,
                CaseRecords.HAZARD,
                id,
                "hazard-overdue",
                "隐患逾期：" + number(row) + " " + place(h) + "，期限 " + h.deadlineDay() + " 已过，请挂牌督办",
                now);
        records.tellOrg(
                h.issuerOrgId(),
                CaseRecords.HAZARD,
                id,
                "hazard-overdue",
                "隐患逾期：" + number(row) + " " + place(h) + "，期限 " + h.deadlineDay() + " 已过",
                now);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Photos

    /** Uploads a photo (JPEG, PNG or WebP up to 10 MB, checked by its content) to attach to a task or action. */
    @Transactional
    public UUID upload(byte[] data, StaffPrincipal me) {
        Actors.staff(me, "上传照片");
        return records.attachments().upload(data, me);
    }

    /** A photo of a hazard or of a screening task the caller sees; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<Attachment.WithData> photo(String kind, UUID caseId, UUID photoId, StaffPrincipal me) {
        boolean visible = switch (kind) {
            case CaseRecords.HAZARD -> find(caseId, me).isPresent();
            case CaseRecords.TASK ->
                tasks.find(caseId)
                        .filter(r -> me.canSeePath(r.task().regionPath())
                                || me.grids().contains(r.task().gridCode())
                                || me.canSeePath(r.task().ownerPath()))
                        .isPresent();
            default -> false;
        };
        if (!visible) {
            return Optional.empty();
        }
        return records.attachments().data(photoId).filter(d -> d.attachment().belongsTo(kind, caseId));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    @Transactional(readOnly = true)
    public Optional<HazardView.Detail> detail(UUID id, StaffPrincipal me) {
        Actors.staff(me, "查看隐患");
        return rows.find(id).filter(r -> sees(r, me)).map(r -> {
            List<HazardView.HistoryStep> steps = records.of(CaseRecords.HAZARD, id).stream()
                    .map(Hazards::step)
                    .toList();
            boolean intact = records.verify(CaseRecords.HAZARD, id).holds();
            List<UUID> photos = records.attachments().of(CaseRecords.HAZARD, id).stream()
                    .map(Attachment::id)
                    .toList();
            return new HazardView.Detail(view(r), steps, intact, photos);
        });
    }

    @Transactional(readOnly = true)
    public Optional<HazardView> find(UUID id, StaffPrincipal me) {
        Actors.staff(me, "查看隐患");
        return rows.find(id).filter(r -> sees(r, me)).map(this::view);
    }

    /** The history of a screening task, for its page. */
    @Transactional(readOnly = true)
    public List<HazardView.HistoryStep> taskHistory(UUID taskId) {
        return records.of(CaseRecords.TASK, taskId).stream().map(Hazards::step).toList();
    }

    List<UUID> idsOfTask(UUID taskId) {
        return jdbc.sql("SELECT id FROM hazard WHERE task_id = :t ORDER BY number")
                .param("t", taskId)
                .query(UUID.class)
                .list();
    }

    /**
     * 隐患整改通知书 of a notified hazard, generated from its record: to the unit, what was found where, the requirements
     * and the deadline, the "五到位" duty for a 重大隐患, and who issued it when.
     */
    @Transactional(readOnly = true)
    public Optional<NoticeDocument> notice(UUID id, StaffPrincipal me) {
        Actors.staff(me, "查看整改通知书");
        return rows.find(id)
                .filter(r -> sees(r, me))
                .filter(r -> r.hazard().issuerName() != null)
                .map(r -> {
                    Hazard h = r.hazard();
                    LocalDate issued = LocalDate.ofInstant(h.noticedAt(), CityTime.ZONE);
                    List<String> body = new ArrayList<>();
                    body.add(String.format(
                            "%s，%s在%s检查时，发现你单位存在以下%s：%s。",
                            dateText(LocalDate.ofInstant(h.foundAt(), CityTime.ZONE)),
                            r.foundByName(),
                            place(h),
                            h.grade().label(),
                            h.description()));
                    if (h.itemText() != null) {
                        body.add("依据检查表“" + h.itemText() + "”项，该项检查不合格。");
                    }
                    body.add("整改要求：" + h.requirements());
                    body.add("请你单位于" + dateText(h.deadlineDay()) + "前整改完毕，并将整改情况连同整改后的现场照片报送" + h.issuerName() + "，由"
                            + h.issuerName() + "组织验收；验收合格后予以销号。逾期未整改的，将提请上级挂牌督办。");
                    if (h.grade() == Grade.MAJOR) {
                        body.add("本隐患为重大隐患，你单位须落实整改措施、资金、时限、责任人和应急预案“五到位”，整改期间落实安全防范措施，防止事故发生。");
                    }
                    return new NoticeDocument(
                            "隐患整改通知书",
                            h.issuerName() + "隐整〔" + issued.getYear() + "〕第" + String.format("%06d", r.number()) + "号",
                            h.unit() == null ? "" : h.unit().name(),
                            body,
                            h.issuerName(),
                            issued,
                            h.deadlineDay());
                });
    }

    /** The ledger's filter as people give it; refused naming the parameter when it does not parse. */
    public record LedgerQuery(
            String regionCode,
            LocalDate from,
            LocalDate to,
            String status,
            String grade,
            Long unitId,
            boolean overdue,
            boolean supervised) {}

    HazardRows.Filter filter(LedgerQuery q, StaffPrincipal me) {
        Actors.staff(me, "查看隐患台账");
        Problems.checkDay("from", q.from());
        Problems.checkDay("to", q.to());
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw Problems.invalid("to", "to must not be before from");
        }
        HazardStatus status = q.status() == null || q.status().isBlank()
                ? null
                : enumOrInvalid(HazardStatus.class, q.status(), "status");
        Grade grade = q.grade() == null || q.grade().isBlank() ? null : enumOrInvalid(Grade.class, q.grade(), "grade");
        String path = regionPath(q.regionCode(), me);
        return new HazardRows.Filter(path, q.from(), q.to(), status, grade, q.unitId(), q.overdue(), q.supervised());
    }

    /** Checks a ledger query as {@link #ledger} and {@link #export} would, answering nothing: for a download's headers. */
    @Transactional(readOnly = true)
    public void checkLedgerQuery(LedgerQuery q, StaffPrincipal me) {
        filter(q, me);
    }

    /**
     * A page of 50 of the ledger 隐患台账, newest finding first, with the total counted up to {@link #COUNT_CAP}
     * ({@code totalCapped} when there are more).
     */
    public record LedgerPage(long total, boolean totalCapped, int page, List<HazardView> rows) {}

    static final long COUNT_CAP = 10_000;

    @Transactional(readOnly = true)
    public LedgerPage ledger(LedgerQuery q, int page, StaffPrincipal me) {
        HazardRows.Filter f = filter(q, me);
        Instant now = clock.instant();
        int p = Math.max(0, Math.min(page, 100_000));
        long total = rows.count(f, now, COUNT_CAP + 1);
        return new LedgerPage(
                Math.min(total, COUNT_CAP),
                total > COUNT_CAP,
                p,
                rows.page(f, now, p * 50, 50).stream().map(this::view).toList());
    }

    static final List<String> COLUMNS = List.of(
            "隐患编号", "发现日期", "来源", "所在单位/场所", "网格", "隐患描述", "等级", "责任单位", "状态", "下达单位", "整改期限", "逾期天数", "挂牌督办", "整改日期",
            "按期整改", "销号日期");

    /**
     * Writes the ledger as an XLSX workbook, streamed row by row from the database into the output: the memory it
     * needs does not grow with the number of rows.
     */
    @Transactional(readOnly = true)
    public long export(LedgerQuery q, StaffPrincipal me, OutputStream out) {
        HazardRows.Filter f = filter(q, me);
        Instant now = clock.instant();
        try {
            Workbook wb = new Workbook(out, "OneGrid", "1.0");
            Worksheet ws = wb.newWorksheet("隐患台账");
            for (int c = 0; c < COLUMNS.size(); c++) {
                ws.value(0, c, COLUMNS.get(c));
                ws.style(0, c).bold().fillColor("DDEBF7").set();
            }
            ws.width(0, 12);
            ws.width(1, 12);
            ws.width(3, 24);
            ws.width(5, 40);
            ws.width(7, 24);
            ws.freezePane(0, 1);
            long[] n = {0};
            rows.stream(f, now, r -> {
                int i = (int) ++n[0];
                Hazard h = r.hazard();
                ws.value(i, 0, number(r));
                ws.value(i, 1, LocalDate.ofInstant(h.foundAt(), CityTime.ZONE).toString());
                ws.value(i, 2, h.source().label());
                ws.value(i, 3, h.placeName());
                ws.value(i, 4, h.gridCode());
                ws.value(i, 5, h.description());
                ws.value(i, 6, h.grade().label());
                ws.value(i, 7, h.unit() == null ? "" : h.unit().name());
                ws.value(i, 8, h.status().label());
                ws.value(i, 9, h.issuerName());
                ws.value(i, 10, h.deadlineDay() == null ? "" : h.deadlineDay().toString());
                long over = daysOverdue(h, now);
                if (over > 0) {
                    ws.value(i, 11, over);
                }
                ws.value(i, 12, h.supervisionLevel() > 0 ? h.supervisorName() + "（" + h.supervisionLevel() + "次）" : "");
                ws.value(
                        i,
                        13,
                        h.rectifiedAt() == null
                                ? ""
                                : LocalDate.ofInstant(h.rectifiedAt(), CityTime.ZONE)
                                        .toString());
                ws.value(i, 14, r.rectifiedOnTime() == null ? "" : r.rectifiedOnTime() ? "是" : "否");
                ws.value(
                        i,
                        15,
                        h.closedAt() == null
                                ? ""
                                : LocalDate.ofInstant(h.closedAt(), CityTime.ZONE)
                                        .toString());
                if (i % 1000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            wb.finish();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures of a region (default: the caller's) in a span of days (default: this year). */
    @Transactional(readOnly = true)
    public LedgerFigures figures(String regionCode, LocalDate from, LocalDate to, StaffPrincipal me) {
        Actors.staff(me, "查看隐患排查治理情况");
        LocalDate t = to == null ? LocalDate.ofInstant(clock.instant(), CityTime.ZONE) : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        HazardRows.Filter filter = filter(new LedgerQuery(regionCode, f, t, null, null, null, false, false), me);
        Instant now = clock.instant();
        HazardRows.HazardCounts h = rows.counts(filter, now);
        TaskRows.TaskCounts c = tasks.counts(filter.regionPath(), f, t, LocalDate.ofInstant(now, CityTime.ZONE));
        String code = CaseRecords.codeOf(filter.regionPath());
        String name = regions.find(code).map(RegionView::name).orElse("全市");
        List<LedgerFigures.Part> parts = new ArrayList<>();
        for (HazardRows.PartCounts p : rows.byChild(filter, now)) {
            String childCode = CaseRecords.codeOf(p.childPath());
            parts.add(new LedgerFigures.Part(
                    childCode,
                    regions.find(childCode).map(RegionView::name).orElse(childCode),
                    p.found(),
                    p.open(),
                    p.closed(),
                    p.overdueOpen(),
                    p.major(),
                    rate(p.closed(), p.found())));
        }
        return new LedgerFigures(
                code,
                name,
                f,
                t,
                c.due(),
                c.done(),
                c.onTime(),
                c.missed(),
                rate(c.onTime(), c.due()),
                h.found(),
                h.major(),
                c.done() == 0 ? null : Math.round(h.found() * 1000.0 / c.done()) / 10.0,
                h.notified(),
                h.rectified(),
                rate(h.rectified(), h.notified()),
                h.rectifiedOnTime(),
                rate(h.rectifiedOnTime(), h.rectified()),
                h.closed(),
                rate(h.closed(), h.found()),
                h.overdueOpen(),
                h.majorSupervised(),
                parts);
    }

    /** Open hazards of a region with a place, for the map, 重大 first. */
    @Transactional(readOnly = true)
    public List<HazardRows.MapPoint> openOnMap(String regionCode, StaffPrincipal me) {
        Actors.staff(me, "查看隐患地图");
        return rows.openPoints(regionPath(regionCode, me), clock.instant(), 5000);
    }

    // ---------------------------------------------------------------------------------------------------------

    private HazardRow visibleRow(UUID id, StaffPrincipal me) {
        return rows.find(id).filter(r -> sees(r, me)).orElseThrow(() -> Problems.notFound("hazard", id.toString()));
    }

    private static boolean sees(HazardRow r, StaffPrincipal me) {
        Hazard h = r.hazard();
        return me.canSeePath(h.regionPath())
                || me.grids().contains(h.gridCode())
                || h.unit() != null
                        && h.unit().kind() == Unit.Kind.DEPARTMENT
                        && h.unit().id() == me.orgId();
    }

    private Unit unit(String kind, Long id, StaffPrincipal me) {
        if (id == null) {
            return null;
        }
        if (kind == null || kind.isBlank() || kind.equalsIgnoreCase("ORGANISATION")) {
            return registry.place(id)
                    .filter(p -> me.canSeePath(p.regionPath()))
                    .map(p -> new Unit(Unit.Kind.ORGANISATION, p.id(), p.name()))
                    .orElseThrow(() -> Problems.notFound("organisation", String.valueOf(id)));
        }
        if (kind.equalsIgnoreCase("DEPARTMENT")) {
            return organisations
                    .find(id)
                    .filter(o -> o.kind() == OrgKind.DEPARTMENT)
                    .map(o -> new Unit(Unit.Kind.DEPARTMENT, o.id(), o.name()))
                    .orElseThrow(() -> Problems.notFound("department", String.valueOf(id)));
        }
        throw new Refused("unitKind", "hazard.unit", "责任单位类别须为 ORGANISATION（单位）或 DEPARTMENT（部门）");
    }

    private String regionPath(String regionCode, StaffPrincipal me) {
        String scope = me.scopePath() == null ? "" : me.scopePath();
        if (regionCode == null || regionCode.isBlank()) {
            return scope;
        }
        return regions.find(regionCode.strip())
                .filter(me::canSee)
                .map(RegionView::path)
                .orElseThrow(() -> Problems.notFound("region", regionCode));
    }

    HazardView view(HazardRow r) {
        Hazard h = r.hazard();
        Instant now = clock.instant();
        Light light = null;
        if (h.status() == HazardStatus.RECTIFYING && h.deadline() != null) {
            light = Window.light(now, r.yellowAt() == null ? h.deadline() : r.yellowAt(), h.deadline());
        }
        MeasuresPlan m = h.measures();
        return new HazardView(
                h.id(),
                number(r),
                h.source().name(),
                h.source().label(),
                h.sourceRef(),
                h.itemText(),
                h.description(),
                h.grade().name(),
                h.grade().label(),
                h.gradeReason(),
                h.gridCode(),
                CaseRecords.codeOf(h.regionPath()),
                h.placeName(),
                h.place() == null ? null : h.place().lng(),
                h.place() == null ? null : h.place().lat(),
                h.foundAt(),
                r.foundByName(),
                h.unit() == null ? null : h.unit().kind().name(),
                h.unit() == null ? null : h.unit().id(),
                h.unit() == null ? null : h.unit().name(),
                h.status().name(),
                h.status().label() + (h.supervisionLevel() > 0 && h.status().open() ? "（挂牌督办）" : ""),
                h.issuerName(),
                h.requirements(),
                h.deadlineDay(),
                light == null ? null : light.name(),
                light == null ? null : light.label(),
                daysOverdue(h, now),
                m == null
                        ? null
                        : new HazardView.Measures(
                                m.measures(), m.funds(), m.deadline(), m.responsible(), m.emergencyPlan()),
                h.rectifiedAt(),
                r.rectifiedOnTime(),
                h.returns(),
                h.supervisionLevel(),
                h.supervisorName(),
                h.closedAt(),
                h.version());
    }

    static long daysOverdue(Hazard h, Instant now) {
        if (!h.overdue(now)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(h.deadlineDay(), LocalDate.ofInstant(now, CityTime.ZONE));
    }

    static String number(HazardRow r) {
        return number(r.number());
    }

    static String number(long n) {
        return String.format("YH%06d", n);
    }

    private static String place(Hazard h) {
        return h.placeName() == null ? (h.gridCode() == null ? "" : "网格 " + h.gridCode()) : h.placeName();
    }

    private static String dateText(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <E extends Enum<E>> E enumOrInvalid(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder b = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                b.append(b.isEmpty() ? "" : ", ").append(c.name());
            }
            throw Problems.invalid(field, field + " must be one of " + b);
        }
    }

    static HazardView.HistoryStep step(CaseEntry e) {
        return new HazardView.HistoryStep(
                e.sequence(),
                e.at(),
                e.actorName(),
                e.role(),
                e.action(),
                ActionLabels.of(e.action()),
                e.fromStatus(),
                e.toStatus(),
                e.comment(),
                e.detail(),
                e.attachmentIds(),
                e.hash());
    }
}
