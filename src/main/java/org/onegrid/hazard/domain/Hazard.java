package org.onegrid.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.geo.Position;

/**
 * A hazard 隐患, from its finding to 销号. Each action checks the state and the actor's standing, refuses with
 * every reason at once ({@link Refused}), and otherwise changes the hazard and returns the one history step it
 * makes. The rectification notice 整改通知 is issued by a level (its centre or a department); that level, or a
 * level above, accepts the rectification 验收 — never the organisation that reported it — and only an accepted
 * hazard is closed 销号. A notice overdue is put under supervision 挂牌督办 by a level above the one that last
 * followed it, with its own deadline; when that passes too, the next level up may supervise it again.
 */
public final class Hazard {

    private static final ZoneId CITY = CityTime.ZONE;
    public static final int MAX_TEXT = 2000;

    private final UUID id;
    private final Source source;
    private final String sourceRef;
    private final String itemCode;
    private final String itemText;
    private final String description;
    private final String gridCode;
    private final String regionPath;
    private final Position place;
    private final String placeName;
    private final Instant foundAt;
    private final long foundByOrgId;
    private Grade grade;
    private String gradeReason;
    private Unit unit;
    private HazardStatus status;
    private Long issuerOrgId;
    private String issuerName;
    private String issuerPath;
    private String requirements;
    private LocalDate deadlineDay;
    private Instant noticedAt;
    private MeasuresPlan measures;
    private Long rectifiedByOrgId;
    private Instant rectifiedAt;
    private int returns;
    private int supervisionLevel;
    private Long supervisorOrgId;
    private String supervisorName;
    private String supervisorPath;
    private boolean overdueMarked;
    private Instant closedAt;
    private int version;

    /** A hazard as stored. */
    public Hazard(
            UUID id,
            Source source,
            String sourceRef,
            String itemCode,
            String itemText,
            String description,
            String gridCode,
            String regionPath,
            Position place,
            String placeName,
            Instant foundAt,
            long foundByOrgId,
            Grade grade,
            String gradeReason,
            Unit unit,
            HazardStatus status,
            Long issuerOrgId,
            String issuerName,
            String issuerPath,
            String requirements,
            LocalDate deadlineDay,
            Instant noticedAt,
            MeasuresPlan measures,
            Long rectifiedByOrgId,
            Instant rectifiedAt,
            int returns,
            int supervisionLevel,
            Long supervisorOrgId,
            String supervisorName,
            String supervisorPath,
            boolean overdueMarked,
            Instant closedAt,
            int version) {
        this.id = id;
        this.source = source;
        this.sourceRef = sourceRef;
        this.itemCode = itemCode;
        this.itemText = itemText;
        this.description = description;
        this.gridCode = gridCode;
        this.regionPath = regionPath;
        this.place = place;
        this.placeName = placeName;
        this.foundAt = foundAt;
        this.foundByOrgId = foundByOrgId;
        this.grade = grade;
        this.gradeReason = gradeReason;
        this.unit = unit;
        this.status = status;
        this.issuerOrgId = issuerOrgId;
        this.issuerName = issuerName;
        this.issuerPath = issuerPath;
        this.requirements = requirements;
        this.deadlineDay = deadlineDay;
        this.noticedAt = noticedAt;
        this.measures = measures;
        this.rectifiedByOrgId = rectifiedByOrgId;
        this.rectifiedAt = rectifiedAt;
        this.returns = returns;
        this.supervisionLevel = supervisionLevel;
        this.supervisorOrgId = supervisorOrgId;
        this.supervisorName = supervisorName;
        this.supervisorPath = supervisorPath;
        this.overdueMarked = overdueMarked;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** What was found, where, and by whom: the start of a hazard. */
    public record Found(
            Source source,
            String sourceRef,
            String itemCode,
            String itemText,
            String description,
            Grade grade,
            String gradeReason,
            Unit unit,
            String gridCode,
            String regionPath,
            Position place,
            String placeName,
            List<String> photoIds) {}

    /** A hazard and the step that recorded it. */
    public record Started(Hazard hazard, Step step) {}

    /** Records a hazard found, or refuses it: it needs a description, a grade, a place in the actor's scope. */
    public static Started find(UUID id, Found f, Actor by, Instant now) {
        List<Refusal> found = new ArrayList<>();
        if (f.source() == null) {
            found.add(new Refusal("source", "hazard.source", "请写明隐患来源"));
        }
        if (f.description() == null || f.description().isBlank()) {
            found.add(new Refusal("description", "hazard.description", "请描述发现的隐患"));
        } else if (f.description().length() > MAX_TEXT) {
            found.add(new Refusal("description", "hazard.description", "隐患描述不能超过 " + MAX_TEXT + " 字"));
        }
        if (f.grade() == null) {
            found.add(new Refusal("grade", "hazard.grade", "请选择隐患等级：一般隐患或重大隐患"));
        }
        if (f.regionPath() == null || !by.covers(f.regionPath())) {
            found.add(new Refusal("gridCode", "hazard.place", "隐患所在地不在本级辖区之内"));
        }
        Refused.ifAny(found);
        Hazard h = new Hazard(
                id,
                f.source(),
                f.sourceRef(),
                f.itemCode(),
                f.itemText(),
                f.description().strip(),
                f.gridCode(),
                f.regionPath(),
                f.place(),
                f.placeName(),
                now,
                by.orgId(),
                f.grade(),
                f.gradeReason(),
                f.unit(),
                HazardStatus.FOUND,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                false,
                null,
                0);
        String detail = f.source().label() + " · " + f.grade().label()
                + (f.gradeReason() == null ? "" : "（" + f.gradeReason() + "）")
                + (f.itemText() == null ? "" : " · 检查项：" + f.itemText());
        return new Started(
                h,
                new Step(
                        now,
                        by,
                        null,
                        HazardStatus.FOUND.name(),
                        "FIND",
                        f.description().strip(),
                        detail,
                        f.photoIds()));
    }

    /** Changes the grade 隐患等级 with a reason: by a level that covers the hazard, before 销号. */
    public Step regrade(Actor by, Grade to, String reason, Instant now) {
        List<Refusal> found = new ArrayList<>();
        mustBeOpen();
        if (to == null) {
            found.add(new Refusal("grade", "hazard.grade", "请选择隐患等级：一般隐患或重大隐患"));
        } else if (to == grade) {
            found.add(new Refusal("grade", "hazard.grade", "隐患已是" + grade.label()));
        }
        if (reason == null || reason.isBlank()) {
            found.add(new Refusal("reason", "hazard.grade-reason", "调整隐患等级须说明理由"));
        }
        Refused.ifAny(found);
        Grade before = grade;
        grade = to;
        gradeReason = reason.strip();
        return step(by, now, status, "REGRADE", gradeReason, before.label() + " → " + to.label(), List.of());
    }

    /**
     * Issues the rectification notice 整改通知 to the responsible unit with a deadline 限期整改; the actor's level
     * becomes the issuing level, which accepts the rectification later. A deadline before today is refused.
     */
    public Step issueNotice(Actor by, Unit to, LocalDate deadline, String requirementsText, Instant now) {
        if (status != HazardStatus.FOUND) {
            throw new Refused("status", "hazard.state", "隐患" + status.label() + "，整改通知已经下达");
        }
        List<Refusal> found = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, CITY);
        Unit u = to != null ? to : unit;
        if (u == null) {
            found.add(new Refusal("unit", "hazard.unit", "请选择整改责任单位"));
        }
        if (deadline == null) {
            found.add(new Refusal("deadline", "hazard.deadline", "请填写整改期限"));
        } else if (deadline.isBefore(today)) {
            found.add(
                    new Refusal("deadline", "hazard.deadline-past", "整改期限 " + deadline + " 已过，不能早于今天（" + today + "）"));
        } else if (deadline.isAfter(today.plusYears(2))) {
            found.add(new Refusal("deadline", "hazard.deadline", "整改期限不能超过两年"));
        }
        if (requirementsText == null || requirementsText.isBlank()) {
            found.add(new Refusal("requirements", "hazard.requirements", "请写明整改要求"));
        } else if (requirementsText.length() > MAX_TEXT) {
            found.add(new Refusal("requirements", "hazard.requirements", "整改要求不能超过 " + MAX_TEXT + " 字"));
        }
        if (!by.covers(regionPath)) {
            found.add(new Refusal("issuer", "hazard.issuer", "隐患不在本级辖区之内，不能下达整改通知"));
        }
        Refused.ifAny(found);
        unit = u;
        issuerOrgId = by.orgId();
        issuerName = by.orgName();
        issuerPath = by.regionPath();
        requirements = requirementsText.strip();
        deadlineDay = deadline;
        noticedAt = now;
        HazardStatus before = status;
        status = HazardStatus.RECTIFYING;
        return step(by, now, before, "NOTIFY", requirements, u.name() + " · 限 " + deadline + " 前整改完毕", List.of());
    }

    /** Records the "五到位" plan of a 重大隐患 (and replaces an earlier one), while it is being rectified. */
    public Step planMeasures(Actor by, MeasuresPlan plan, Instant now) {
        if (grade != Grade.MAJOR) {
            throw new Refused("grade", "hazard.plan-general", "“五到位”方案用于重大隐患；本隐患为一般隐患");
        }
        if (status != HazardStatus.RECTIFYING && status != HazardStatus.FOUND) {
            throw new Refused("status", "hazard.state", "隐患" + status.label() + "，不能再改“五到位”方案");
        }
        Refused.ifAny(MeasuresPlan.check(plan, LocalDate.ofInstant(now, CITY)));
        measures = plan;
        return step(
                by,
                now,
                status,
                "PLAN_MEASURES",
                plan.measures().strip(),
                "资金 " + plan.funds().toPlainString() + " 元 · 时限 " + plan.deadline() + " · 责任人 " + plan.responsible()
                        + " · 应急预案：" + plan.emergencyPlan(),
                List.of());
    }

    /**
     * The unit's rectification 整改 with its evidence (a note and at least one photo), reported by the actor's
     * organisation on the unit's behalf. A 重大隐患 needs its "五到位" plan first.
     */
    public Step reportRectification(Actor by, String note, List<String> photoIds, Instant now) {
        if (status != HazardStatus.RECTIFYING) {
            throw new Refused("status", "hazard.state", "隐患" + status.label() + "，不能报告整改");
        }
        List<Refusal> found = new ArrayList<>();
        if (note == null || note.isBlank()) {
            found.add(new Refusal("note", "hazard.evidence", "请说明整改情况"));
        } else if (note.length() > MAX_TEXT) {
            found.add(new Refusal("note", "hazard.evidence", "整改说明不能超过 " + MAX_TEXT + " 字"));
        }
        if (photoIds == null || photoIds.isEmpty()) {
            found.add(new Refusal("photoIds", "hazard.evidence", "请上传整改后的现场照片作为佐证"));
        }
        if (grade == Grade.MAJOR && measures == null) {
            found.add(new Refusal("plan", "hazard.plan-missing", "重大隐患须先落实“五到位”方案，再报告整改"));
        }
        Refused.ifAny(found);
        rectifiedByOrgId = by.orgId();
        rectifiedAt = now;
        HazardStatus before = status;
        status = HazardStatus.RECTIFIED;
        boolean late = now.isAfter(deadline());
        return step(by, now, before, "RECTIFY", note.strip(), late ? "逾期整改" : "按期整改", photoIds);
    }

    /**
     * The acceptance check 验收 by the issuing level (or a level that supervises it): passed, the hazard waits for
     * 销号; failed, it goes back to the unit. The organisation that reported the rectification may not accept it.
     */
    public Step accept(Actor by, boolean passed, String comment, List<String> photoIds, Instant now) {
        if (status != HazardStatus.RECTIFIED) {
            throw new Refused("status", "hazard.state", "隐患" + status.label() + "，没有待验收的整改");
        }
        List<Refusal> found = new ArrayList<>();
        if (rectifiedByOrgId != null && rectifiedByOrgId == by.orgId()) {
            found.add(
                    new Refusal("acceptor", "hazard.own-acceptance", "整改由本单位报告，不能自行验收；须由下达整改通知的" + issuerName + "验收"));
        } else if (!followsUp(by)) {
            found.add(new Refusal("acceptor", "hazard.acceptor", "验收由下达整改通知的" + issuerName + "（或其上级）组织"));
        }
        if (!passed && (comment == null || comment.isBlank())) {
            found.add(new Refusal("comment", "hazard.accept-reason", "验收不通过须写明原因"));
        }
        Refused.ifAny(found);
        HazardStatus before = status;
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (passed) {
            status = HazardStatus.ACCEPTED;
            return step(by, now, before, "ACCEPT", text, "验收合格", photoIds);
        }
        status = HazardStatus.RECTIFYING;
        returns++;
        rectifiedByOrgId = null;
        rectifiedAt = null;
        return step(by, now, before, "REJECT_RECTIFICATION", text, "验收不合格，退回整改（第 " + returns + " 次）", photoIds);
    }

    /** 销号: refused unless the rectification was accepted; by the issuing level or a level that supervises it. */
    public Step close(Actor by, String comment, Instant now) {
        if (status != HazardStatus.ACCEPTED) {
            throw new Refused(
                    "status",
                    "hazard.close-unaccepted",
                    status == HazardStatus.CLOSED ? "隐患已销号" : "隐患" + status.label() + "，未经验收合格不能销号");
        }
        if (!followsUp(by)) {
            throw new Refused("actor", "hazard.closer", "销号由下达整改通知的" + issuerName + "（或其上级）办理");
        }
        HazardStatus before = status;
        status = HazardStatus.CLOSED;
        closedAt = now;
        return step(
                by,
                now,
                before,
                "CLOSE",
                comment == null || comment.isBlank() ? null : comment.strip(),
                "销号",
                List.of());
    }

    /**
     * Marks an overdue rectification once (the scan's step); null when it is not overdue or was marked already.
     * Under supervision, it is the supervision's deadline that passed: the next level up is told.
     */
    public Step markOverdue(Actor system, Instant now) {
        if (status != HazardStatus.RECTIFYING || overdueMarked || !now.isAfter(deadline())) {
            return null;
        }
        overdueMarked = true;
        String what = supervisionLevel == 0 ? "整改逾期" : "挂牌督办逾期（第 " + supervisionLevel + " 次督办）";
        return step(system, now, status, "OVERDUE", null, what + "，期限 " + deadlineDay, List.of());
    }

    /**
     * 挂牌督办: a level above the one that last followed the hazard (the issuer, or the last supervisor) puts an
     * overdue hazard under supervision with its own deadline; the unit's deadline becomes that one.
     */
    public Step supervise(Actor by, LocalDate until, String comment, Instant now) {
        if (status != HazardStatus.RECTIFYING) {
            throw new Refused("status", "hazard.state", "隐患" + status.label() + "，无需挂牌督办");
        }
        List<Refusal> found = new ArrayList<>();
        if (!now.isAfter(deadline())) {
            found.add(new Refusal("status", "hazard.not-overdue", "整改期限 " + deadlineDay + " 未到，尚不能挂牌督办"));
        }
        String last = supervisorPath != null ? supervisorPath : issuerPath;
        if (!by.isAbove(last)) {
            found.add(new Refusal(
                    "supervisor",
                    "hazard.supervisor",
                    "挂牌督办由" + (supervisorName != null ? "督办单位" + supervisorName : "下达整改通知的" + issuerName) + "的上级办理"));
        }
        LocalDate today = LocalDate.ofInstant(now, CITY);
        if (until == null) {
            found.add(new Refusal("deadline", "hazard.deadline", "请填写督办期限"));
        } else if (until.isBefore(today)) {
            found.add(new Refusal("deadline", "hazard.deadline-past", "督办期限 " + until + " 已过，不能早于今天（" + today + "）"));
        }
        if (comment == null || comment.isBlank()) {
            found.add(new Refusal("comment", "hazard.supervision", "请写明督办要求"));
        }
        Refused.ifAny(found);
        supervisionLevel++;
        supervisorOrgId = by.orgId();
        supervisorName = by.orgName();
        supervisorPath = by.regionPath();
        LocalDate before = deadlineDay;
        deadlineDay = until;
        overdueMarked = false;
        return step(
                by,
                now,
                status,
                "SUPERVISE",
                comment.strip(),
                "挂牌督办（第 " + supervisionLevel + " 次）· 原期限 " + before + " · 督办期限 " + until,
                List.of());
    }

    /** Whether the actor's level follows the hazard up: the issuing level, or one that supervises or covers it. */
    boolean followsUp(Actor by) {
        return issuerPath != null && by.covers(issuerPath);
    }

    /** The instant the current deadline ends: the end of its day in the city. */
    public Instant deadline() {
        return deadlineDay == null
                ? null
                : deadlineDay.plusDays(1).atStartOfDay(CITY).toInstant();
    }

    /** Whether a notified hazard is past its deadline now. */
    public boolean overdue(Instant now) {
        return status == HazardStatus.RECTIFYING && deadlineDay != null && now.isAfter(deadline());
    }

    private void mustBeOpen() {
        if (status == HazardStatus.CLOSED) {
            throw new Refused("status", "hazard.state", "隐患已销号");
        }
    }

    private Step step(
            Actor by,
            Instant now,
            HazardStatus from,
            String action,
            String comment,
            String detail,
            List<String> photos) {
        version++;
        return new Step(now, by, from == null ? null : from.name(), status.name(), action, comment, detail, photos);
    }

    public UUID id() {
        return id;
    }

    public Source source() {
        return source;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public String itemCode() {
        return itemCode;
    }

    public String itemText() {
        return itemText;
    }

    public String description() {
        return description;
    }

    public String gridCode() {
        return gridCode;
    }

    public String regionPath() {
        return regionPath;
    }

    public Position place() {
        return place;
    }

    public String placeName() {
        return placeName;
    }

    public Instant foundAt() {
        return foundAt;
    }

    public long foundByOrgId() {
        return foundByOrgId;
    }

    public Grade grade() {
        return grade;
    }

    public String gradeReason() {
        return gradeReason;
    }

    public Unit unit() {
        return unit;
    }

    public HazardStatus status() {
        return status;
    }

    public Long issuerOrgId() {
        return issuerOrgId;
    }

    public String issuerName() {
        return issuerName;
    }

    public String issuerPath() {
        return issuerPath;
    }

    public String requirements() {
        return requirements;
    }

    public LocalDate deadlineDay() {
        return deadlineDay;
    }

    public Instant noticedAt() {
        return noticedAt;
    }

    public MeasuresPlan measures() {
        return measures;
    }

    public Long rectifiedByOrgId() {
        return rectifiedByOrgId;
    }

    public Instant rectifiedAt() {
        return rectifiedAt;
    }

    public int returns() {
        return returns;
    }

    public int supervisionLevel() {
        return supervisionLevel;
    }

    public Long supervisorOrgId() {
        return supervisorOrgId;
    }

    public String supervisorName() {
        return supervisorName;
    }

    public String supervisorPath() {
        return supervisorPath;
    }

    public boolean overdueMarked() {
        return overdueMarked;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int version() {
        return version;
    }
}
