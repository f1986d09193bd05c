package org.onegrid.dispute.domain;

import static org.onegrid.dispute.domain.DisputeRefused.conflict;
import static org.onegrid.dispute.domain.DisputeRefused.forbidden;
import static org.onegrid.dispute.domain.DisputeRefused.invalid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.onegrid.casework.CaseStep;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.casework.time.Window;
import org.onegrid.staff.Role;
import org.onegrid.worktime.TimeMode;

/**
 * A dispute 矛盾纠纷 and its path "四诊、四调、三裁、一诉": received → accepted (受理) or refused (不予受理) → a mediator
 * assigned by the owning body → sessions → an agreement (调解协议) or a failure referred to 仲裁, 行政裁决, 行政复议 or
 * 诉讼 → 司法确认 of the agreement → performance → follow-up 回访 → archive. A body that cannot solve it escalates it
 * to the next level's body or a professional committee.
 *
 * <p>Every action checks the status, then who acts (the owning body's desk, the assigned mediator), then what was
 * given; the first check that fails throws {@link DisputeRefused} and nothing changes. An allowed action changes the
 * case, adds exactly one {@link CaseStep} to {@link #pendingSteps()} and raises the {@link #version()} by one.
 *
 * <p>People's mediation (人民调解) runs against the statutory 30 days from acceptance (人民调解法 / 司法部规定),
 * extendable with the parties' consent; administrative and judicial mediation against the catalog item's handling
 * limit. Not thread-safe: load, act, store in one transaction; concurrent writers are told apart by the version.
 */
public final class Dispute {

    /** The statutory limit of people's mediation. */
    public static final TimeLimit PEOPLES_LIMIT = new TimeLimit(Duration.ofDays(30), TimeMode.NATURAL);

    /** The longest extension granted at once (the parties agree to each). */
    public static final int MAX_EXTENSION_DAYS = 30;

    /** A group dispute 群体性纠纷 involves this many persons or households or more. */
    public static final int GROUP_SIZE = 5;

    public static final int MAX_TEXT = 4000;

    private final UUID id;
    private final String number;
    private final Source source;
    private final String courtCaseNumber;
    private final UUID incidentId;
    private final String typeCode;
    private final String typeName;
    private final String facts;
    private final BigDecimal amount;
    private final Risk risk;
    private final boolean criminalRisk;
    private final int involved;
    private final String regionCode;
    private final String regionPath;
    private final String gridCode;
    private final List<Party> parties;
    private final Instant receivedAt;

    private Body body;
    private Status status;
    private long version;
    private Long mediatorId;
    private String mediatorName;
    private final List<Session> sessions;
    private Window window;
    private TimeLimit limit;
    private int extensions;
    private int escalations;
    private Agreement agreement;
    private String agreementSha256;
    private Exit exit;
    private String exitNote;
    private String rulingNumber;
    private String court;
    private Performance performance;
    private Satisfaction satisfaction;
    private Level concludedLevel;
    private Instant acceptedAt;
    private Instant concludedAt;

    private final List<CaseStep> pending = new ArrayList<>();
    private final List<Session> newSessions = new ArrayList<>();

    private Dispute(State s) {
        this.id = s.id();
        this.number = s.number();
        this.source = s.source();
        this.courtCaseNumber = s.courtCaseNumber();
        this.incidentId = s.incidentId();
        this.typeCode = s.typeCode();
        this.typeName = s.typeName();
        this.facts = s.facts();
        this.amount = s.amount();
        this.risk = s.risk();
        this.criminalRisk = s.criminalRisk();
        this.involved = s.involved();
        this.regionCode = s.regionCode();
        this.regionPath = s.regionPath();
        this.gridCode = s.gridCode();
        this.parties = List.copyOf(s.parties());
        this.receivedAt = s.receivedAt();
        this.body = s.body();
        this.status = s.status();
        this.version = s.version();
        this.mediatorId = s.mediatorId();
        this.mediatorName = s.mediatorName();
        this.sessions = new ArrayList<>(s.sessions());
        this.window = s.window();
        this.limit = s.limit();
        this.extensions = s.extensions();
        this.escalations = s.escalations();
        this.agreement = s.agreement();
        this.agreementSha256 = s.agreementSha256();
        this.exit = s.exit();
        this.exitNote = s.exitNote();
        this.rulingNumber = s.rulingNumber();
        this.court = s.court();
        this.performance = s.performance();
        this.satisfaction = s.satisfaction();
        this.concludedLevel = s.concludedLevel();
        this.acceptedAt = s.acceptedAt();
        this.concludedAt = s.concludedAt();
    }

    /** The whole state of a dispute, as stored. */
    public record State(
            UUID id,
            String number,
            Source source,
            String courtCaseNumber,
            UUID incidentId,
            String typeCode,
            String typeName,
            String facts,
            BigDecimal amount,
            Risk risk,
            boolean criminalRisk,
            int involved,
            String regionCode,
            String regionPath,
            String gridCode,
            List<Party> parties,
            Instant receivedAt,
            Body body,
            Status status,
            long version,
            Long mediatorId,
            String mediatorName,
            List<Session> sessions,
            Window window,
            TimeLimit limit,
            int extensions,
            int escalations,
            Agreement agreement,
            String agreementSha256,
            Exit exit,
            String exitNote,
            String rulingNumber,
            String court,
            Performance performance,
            Satisfaction satisfaction,
            Level concludedLevel,
            Instant acceptedAt,
            Instant concludedAt) {}

    /** A dispute as stored, to act on. */
    public static Dispute restore(State state) {
        return new Dispute(state);
    }

    /** Its state now, to store. */
    public State state() {
        return new State(
                id,
                number,
                source,
                courtCaseNumber,
                incidentId,
                typeCode,
                typeName,
                facts,
                amount,
                risk,
                criminalRisk,
                involved,
                regionCode,
                regionPath,
                gridCode,
                parties,
                receivedAt,
                body,
                status,
                version,
                mediatorId,
                mediatorName,
                List.copyOf(sessions),
                window,
                limit,
                extensions,
                escalations,
                agreement,
                agreementSha256,
                exit,
                exitNote,
                rulingNumber,
                court,
                performance,
                satisfaction,
                concludedLevel,
                acceptedAt,
                concludedAt);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 一诊: intake

    /**
     * 登记: takes a dispute in. Refused when a party has no identity, the case has no party on either side, a court's
     * delegation has no case number, an incident hand-over names no incident, or the body does not serve the place.
     */
    public static Dispute receive(Intake in, Actor actor, Instant now) {
        Objects.requireNonNull(in.source(), "source");
        if (!actor.has(Role.CENTRE_DISPATCHER)
                && !actor.has(Role.MEDIATOR)
                && !actor.has(Role.GRID_WORKER)
                && !actor.has(Role.DEPARTMENT_HANDLER)) {
            throw forbidden("矛盾纠纷由综治中心、调解员、网格员或职能部门登记");
        }
        if (blank(in.facts())) {
            throw invalid("facts", "请填写纠纷事实和争议事项");
        }
        if (in.facts().length() > MAX_TEXT) {
            throw invalid("facts", "纠纷事实最多 " + MAX_TEXT + " 字");
        }
        if (in.source() == Source.COURT && blank(in.courtCaseNumber())) {
            throw invalid("courtCaseNumber", "法院诉前委派须填写法院案号");
        }
        if (in.source() == Source.INCIDENT && in.incidentId() == null) {
            throw invalid("incidentId", "事件转入须指明事件");
        }
        if (in.amount() != null && in.amount().signum() < 0) {
            throw invalid("amount", "争议金额不能为负数");
        }
        if (in.involved() < 0) {
            throw invalid("involved", "涉及人数不能为负数");
        }
        if (in.risk() == null) {
            throw invalid("risk", "请选择风险等级");
        }
        checkParties(in.parties());
        checkServes(in.body(), in.regionPath(), "body");
        Dispute d = new Dispute(new State(
                in.id(),
                in.number(),
                in.source(),
                strip(in.courtCaseNumber()),
                in.incidentId(),
                in.typeCode(),
                in.typeName(),
                in.facts().strip(),
                in.amount(),
                in.risk(),
                in.criminalRisk(),
                Math.max(in.involved(), in.parties().size()),
                in.regionCode(),
                in.regionPath(),
                in.gridCode(),
                in.parties(),
                now,
                in.body(),
                null,
                0,
                null,
                null,
                List.of(),
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        String comment = in.source().label()
                + (in.source() == Source.COURT ? "（法院案号 " + d.courtCaseNumber + "）" : "")
                + "，" + in.typeName() + "，由" + in.body().name() + "受理审查";
        d.step(
                actor,
                Action.RECEIVE,
                Status.RECEIVED,
                comment,
                null,
                List.of(),
                now,
                Role.CENTRE_DISPATCHER,
                Role.MEDIATOR);
        return d;
    }

    private static void checkParties(List<Party> parties) {
        boolean applicant = false;
        boolean respondent = false;
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            String field = "parties[" + i + "]";
            if (p.side() == null) {
                throw invalid(field + ".side", "第 " + (i + 1) + " 位当事人须注明是申请人还是被申请人");
            }
            if (!p.fromRegistry()) {
                if (blank(p.name())) {
                    throw invalid(field + ".name", "第 " + (i + 1) + " 位当事人须填写姓名或名称");
                }
                if (blank(p.identity())) {
                    throw invalid(field + ".identity", "当事人“" + p.name().strip() + "”缺少身份信息：个人须填写居民身份证号，单位须填写统一社会信用代码");
                }
            }
            applicant |= p.side() == Side.APPLICANT;
            respondent |= p.side() == Side.RESPONDENT;
        }
        if (!applicant) {
            throw invalid("parties", "至少须有一位申请人");
        }
        if (!respondent) {
            throw invalid("parties", "至少须有一位被申请人");
        }
    }

    private static void checkServes(Body body, String regionPath, String field) {
        if (body == null) {
            throw invalid(field, "请选择调解组织");
        }
        if (regionPath == null || !regionPath.startsWith(body.regionPath())) {
            throw invalid(field, body.name() + "不管辖纠纷发生地");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 二诊: assessment

    /** 受理: the owning body takes the case on; its time limit starts. */
    public void accept(TimeLimit otherwise, Deadlines deadlines, String comment, Actor actor, Instant now) {
        expect(Status.RECEIVED, "受理");
        mustBeDesk(actor);
        this.limit = body.kind().peoples() ? PEOPLES_LIMIT : otherwise;
        this.window = Window.open(now, limit, deadlines);
        this.acceptedAt = now;
        step(
                actor,
                Action.ACCEPT,
                Status.ACCEPTED,
                or(comment, "予以受理，调解时限至 " + window.deadline()),
                null,
                List.of(),
                now);
    }

    /** 不予受理, with the reason (e.g. already before a court, not a civil dispute). */
    public void refuse(String reason, Actor actor, Instant now) {
        expect(Status.RECEIVED, "不予受理");
        mustBeDesk(actor);
        if (blank(reason)) {
            throw invalid("reason", "不予受理须说明理由");
        }
        this.concludedAt = now;
        step(actor, Action.REFUSE, Status.REFUSED, reason.strip(), null, List.of(), now);
    }

    /** 指派: the owning body's desk assigns one of its mediators (again, to change the mediator). */
    public void assign(long mediator, String name, boolean mediatorOfBody, Actor actor, Instant now) {
        expect("指派调解员", Status.ACCEPTED, Status.MEDIATING);
        mustBeDesk(actor);
        if (!mediatorOfBody) {
            throw invalid("mediatorId", "只能指派" + body.name() + "的调解员");
        }
        this.mediatorId = mediator;
        this.mediatorName = name;
        step(actor, Action.ASSIGN, Status.MEDIATING, "指派调解员 " + name, null, List.of(), now);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 四调: sessions

    /** 调解: a session held, not in the future, with where, who attended and the minutes. */
    public Session recordSession(
            Instant heldAt,
            String place,
            String attendees,
            String minutes,
            List<String> attachments,
            Actor actor,
            Instant now) {
        expect(Status.MEDIATING, "记录调解");
        mustBeMediator(actor);
        if (heldAt == null) {
            throw invalid("heldAt", "请填写调解时间");
        }
        if (heldAt.isAfter(now.plusSeconds(300))) {
            throw invalid("heldAt", "调解时间不能晚于现在：尚未举行的调解不能记录");
        }
        if (acceptedAt != null && heldAt.isBefore(acceptedAt.minus(Duration.ofDays(1)))) {
            throw invalid("heldAt", "调解时间不能早于受理时间");
        }
        if (blank(place)) {
            throw invalid("place", "请填写调解地点");
        }
        if (blank(attendees)) {
            throw invalid("attendees", "请填写参加人员");
        }
        if (blank(minutes)) {
            throw invalid("minutes", "请填写调解笔录");
        }
        if (minutes.length() > MAX_TEXT) {
            throw invalid("minutes", "调解笔录最多 " + MAX_TEXT + " 字");
        }
        Session s = new Session(
                sessions.size() + 1,
                heldAt,
                place.strip(),
                attendees.strip(),
                minutes.strip(),
                actor.userId(),
                actor.name());
        sessions.add(s);
        newSessions.add(s);
        step(
                actor,
                Action.SESSION,
                Status.MEDIATING,
                "第 " + s.number() + " 次调解，" + s.place() + "，参加人员：" + s.attendees(),
                s.minutes(),
                attachments,
                now);
        return s;
    }

    /** 延长调解期限 with the parties' consent (双方当事人同意). */
    public void extend(int days, String consent, Deadlines deadlines, Actor actor, Instant now) {
        expect("延长调解期限", Status.ACCEPTED, Status.MEDIATING);
        if (!isMediator(actor) && !isDesk(actor)) {
            throw forbidden("只有本案调解员或" + body.name() + "可以延长调解期限");
        }
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw invalid("days", "每次延长 1 至 " + MAX_EXTENSION_DAYS + " 天");
        }
        if (blank(consent)) {
            throw invalid("consent", "延长调解期限须经双方当事人同意，请记录当事人的同意");
        }
        Instant moved = window.deadline().plus(Duration.ofDays(days));
        this.window = window.movedTo(moved, deadlines, TimeMode.NATURAL);
        this.extensions++;
        step(actor, Action.EXTEND, status, "延长 " + days + " 天：" + consent.strip(), null, List.of(), now);
    }

    /**
     * 上交: a body that cannot solve the dispute hands it to the next level's body or to a professional committee; the
     * new body accepts it anew — its mediator is assigned there, and its time limit starts again.
     */
    public void escalate(Body to, String reason, TimeLimit otherwise, Deadlines deadlines, Actor actor, Instant now) {
        expect("上交调处", Status.ACCEPTED, Status.MEDIATING);
        if (!isMediator(actor) && !isDesk(actor)) {
            throw forbidden("只有本案调解员或" + body.name() + "可以上交");
        }
        checkServes(to, regionPath, "to");
        if (to.sameAs(body)) {
            throw invalid("to", "纠纷已由" + body.name() + "调处");
        }
        if (to.level().ordinal() < body.level().ordinal()) {
            throw invalid("to", "只能上交上级或行业性专业性调解组织，不能交给下级");
        }
        if (to.level() == body.level() && to.kind() == body.kind()) {
            throw invalid("to", "同级同类调解组织之间不能上交");
        }
        if (blank(reason)) {
            throw invalid("reason", "上交须说明理由");
        }
        Body from = body;
        this.body = to;
        this.mediatorId = null;
        this.mediatorName = null;
        this.escalations++;
        this.limit = to.kind().peoples() ? PEOPLES_LIMIT : otherwise;
        this.window = Window.open(now, limit, deadlines);
        this.acceptedAt = now;
        step(
                actor,
                Action.ESCALATE,
                Status.ACCEPTED,
                from.name() + " 上交 " + to.name() + "：" + reason.strip(),
                null,
                List.of(),
                now);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Agreement or failure

    /**
     * 达成协议: records the agreement with its generated document, whose SHA-256 the history keeps. Refused without
     * terms, without a session held, or without a due day for performance.
     */
    public void agree(Agreement a, String document, Actor actor, Instant now) {
        expect(Status.MEDIATING, "达成调解协议");
        mustBeMediator(actor);
        checkAgreement(a);
        if (sessions.isEmpty()) {
            throw conflict("尚未记录任何一次调解，不能达成协议");
        }
        if (blank(document)) {
            throw invalid("document", "缺少协议书");
        }
        this.agreement = a;
        this.agreementSha256 = sha256(document);
        conclude(now);
        String comment = (a.partial()
                        ? "就部分争议达成调解协议，其余（" + a.remainder().strip() + "）引导"
                                + a.remainderReferredTo().label()
                        : "达成调解协议")
                + "，履行期限 " + a.performBy() + "，协议书 SHA-256 " + agreementSha256;
        step(actor, Action.AGREE, Status.AGREED, comment, document, List.of(), now);
    }

    /** Checks an agreement as given, before its document is written. */
    public static void checkAgreement(Agreement a) {
        if (a == null || a.terms().isEmpty() || a.terms().stream().allMatch(String::isEmpty)) {
            throw invalid("terms", "调解协议须写明协议内容（至少一条）");
        }
        for (int i = 0; i < a.terms().size(); i++) {
            if (a.terms().get(i).isEmpty()) {
                throw invalid("terms[" + i + "]", "第 " + (i + 1) + " 条协议内容为空");
            }
        }
        if (blank(a.facts())) {
            throw invalid("facts", "调解协议须写明纠纷事实");
        }
        if (a.performBy() == null) {
            throw invalid("performBy", "请填写履行期限");
        }
        if (a.amount() != null && a.amount().signum() < 0) {
            throw invalid("amount", "协议金额不能为负数");
        }
        if (a.remainderReferredTo() != null && blank(a.remainder())) {
            throw invalid("remainder", "部分达成协议时须写明未达成协议的部分");
        }
    }

    /** 调解不成: the dispute goes to 仲裁, 行政裁决, 行政复议 or 诉讼, and the case ends. */
    public void fail(Exit to, String note, Actor actor, Instant now) {
        expect(Status.MEDIATING, "终结调解");
        mustBeMediator(actor);
        if (to == null) {
            throw invalid("exit", "调解不成须写明引导当事人的途径：仲裁、行政裁决、行政复议或诉讼");
        }
        if (blank(note)) {
            throw invalid("note", "请写明调解不成的原因");
        }
        this.exit = to;
        this.exitNote = note.strip();
        conclude(now);
        step(actor, Action.FAIL, Status.FAILED, "调解不成，引导当事人申请" + to.label() + "：" + exitNote, null, List.of(), now);
    }

    private void conclude(Instant now) {
        this.concludedAt = now;
        this.concludedLevel = body.level();
    }

    // ---------------------------------------------------------------------------------------------------------
    // After the agreement

    /** 司法确认: the court's ruling confirming the agreement. Refused without an agreement, and twice. */
    public void confirm(String ruling, String courtName, Actor actor, Instant now) {
        if (agreement == null) {
            throw conflict("尚未达成调解协议，不能登记司法确认");
        }
        expect(Status.AGREED, "登记司法确认");
        if (rulingNumber != null) {
            throw conflict("该协议已于此前登记司法确认（" + rulingNumber + "）");
        }
        mustBeMediatorOrDesk(actor, "登记司法确认");
        if (blank(ruling)) {
            throw invalid("rulingNumber", "请填写法院司法确认裁定书文号");
        }
        if (blank(courtName)) {
            throw invalid("court", "请填写作出确认的法院");
        }
        this.rulingNumber = ruling.strip();
        this.court = courtName.strip();
        step(actor, Action.CONFIRM, Status.AGREED, court + "裁定确认调解协议有效，" + rulingNumber, null, List.of(), now);
    }

    /** 履行: how the agreement was performed by its due day. */
    public void recordPerformance(
            Performance how, String note, List<String> attachments, Actor actor, Instant now, LocalDate today) {
        expect(Status.AGREED, "登记履行情况");
        mustBeMediatorOrDesk(actor, "登记履行情况");
        if (how == null) {
            throw invalid("performance", "请选择履行情况：全部履行、部分履行或未履行");
        }
        if (how == Performance.NONE && !today.isAfter(agreement.performBy())) {
            throw invalid("performance", "履行期限（" + agreement.performBy() + "）未到，不能登记为未履行");
        }
        this.performance = how;
        String late = how == Performance.FULL || !today.isAfter(agreement.performBy())
                ? ""
                : "，已过履行期限 " + agreement.performBy();
        step(
                actor,
                Action.PERFORM,
                Status.PERFORMED,
                how.label() + late + (blank(note) ? "" : "：" + note.strip()),
                null,
                attachments,
                now);
    }

    /** 回访: the follow-up visit with the parties' satisfaction. */
    public void followUp(Satisfaction told, String note, Actor actor, Instant now) {
        expect(Status.PERFORMED, "回访");
        mustBeMediatorOrDesk(actor, "回访");
        if (told == null) {
            throw invalid("satisfaction", "请选择当事人满意度");
        }
        this.satisfaction = told;
        step(
                actor,
                Action.FOLLOW_UP,
                Status.FOLLOWED_UP,
                "回访，当事人" + told.label() + (blank(note) ? "" : "：" + note.strip()),
                null,
                List.of(),
                now);
    }

    /** 归档: the case file closed, after the follow-up — or after a failure or refusal. */
    public void archive(String comment, Actor actor, Instant now) {
        expect("归档", Status.FOLLOWED_UP, Status.FAILED, Status.REFUSED);
        mustBeMediatorOrDesk(actor, "归档");
        step(actor, Action.ARCHIVE, Status.ARCHIVED, or(comment, "卷宗归档"), null, List.of(), now);
    }

    /** 补充材料: a document or photo added to the case (e.g. 交警事故认定书), in any status before the archive. */
    public void addEvidence(String what, List<String> attachments, Actor actor, Instant now) {
        if (status == Status.ARCHIVED) {
            throw conflict("案件已归档，不能再补充材料");
        }
        mustBeMediatorOrDesk(actor, "补充材料");
        if (blank(what)) {
            throw invalid("comment", "请说明所补充的材料");
        }
        if (attachments == null || attachments.isEmpty()) {
            throw invalid("attachmentIds", "请上传材料");
        }
        step(actor, Action.EVIDENCE, status, what.strip(), null, attachments, now);
    }

    /** Marks the case overdue once, when its time limit passed while it was still open. */
    public boolean markOverdue(Instant now, Actor system) {
        if (!status.open() || window == null || window.overdueMarked() || !window.isOverdue(now)) {
            return false;
        }
        this.window = window.markedOverdue();
        step(system, Action.OVERDUE, status, "超过调解期限 " + window.deadline(), null, List.of(), now);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void step(
            Actor actor,
            Action action,
            Status to,
            String comment,
            String detail,
            List<String> attachments,
            Instant now,
            Role... preferred) {
        Status from = status;
        this.status = to;
        this.version++;
        Role[] roles = preferred.length > 0
                ? preferred
                : new Role[] {Role.MEDIATOR, Role.CENTRE_DISPATCHER, Role.DEPARTMENT_HANDLER, Role.GRID_WORKER};
        pending.add(new CaseStep(
                now,
                actor.userId(),
                actor.name(),
                actor.roleFor(roles),
                actor.orgId(),
                from == null ? null : from.name(),
                to.name(),
                action.name(),
                comment,
                detail,
                attachments == null ? List.of() : List.copyOf(attachments)));
    }

    private void expect(Status wanted, String what) {
        if (status != wanted) {
            throw conflict("纠纷当前为“" + status.label() + "”，不能" + what);
        }
    }

    private void expect(String what, Status... wanted) {
        for (Status s : wanted) {
            if (status == s) {
                return;
            }
        }
        throw conflict("纠纷当前为“" + status.label() + "”，不能" + what);
    }

    /** The owning body's desk: its centre's dispatchers (a department's handlers for 行政调解) and its mediators. */
    public boolean isDesk(Actor actor) {
        return actor.orgId() == body.orgId()
                && (actor.has(Role.CENTRE_DISPATCHER)
                        || actor.has(Role.DEPARTMENT_HANDLER)
                        || actor.has(Role.MEDIATOR));
    }

    public boolean isMediator(Actor actor) {
        return mediatorId != null && mediatorId == actor.userId();
    }

    private void mustBeDesk(Actor actor) {
        if (!isDesk(actor)) {
            throw forbidden("此操作由" + body.name() + "办理");
        }
    }

    private void mustBeMediator(Actor actor) {
        if (!isMediator(actor)) {
            throw forbidden("此纠纷不是您承办的案件：只有本案调解员" + (mediatorName == null ? "" : "（" + mediatorName + "）") + "可以办理");
        }
    }

    private void mustBeMediatorOrDesk(Actor actor, String what) {
        if (!isMediator(actor) && !isDesk(actor)) {
            throw forbidden("只有本案调解员或" + body.name() + "可以" + what);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String or(String s, String otherwise) {
        return blank(s) ? otherwise : s.strip();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The steps taken since loading, to append to the history; cleared by {@link #stored()}. */
    public List<CaseStep> pendingSteps() {
        return List.copyOf(pending);
    }

    /** The sessions recorded since loading. */
    public List<Session> newSessions() {
        return List.copyOf(newSessions);
    }

    public void stored() {
        pending.clear();
        newSessions.clear();
    }

    /** 重大矛盾纠纷: high risk, a group dispute, or one that may turn into a crime — seen by the county and city at once. */
    public boolean major() {
        return risk == Risk.HIGH || involved >= GROUP_SIZE || criminalRisk;
    }

    public Light light(Instant now) {
        return window == null || !status.open() ? null : window.light(now);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public Status status() {
        return status;
    }

    public Body body() {
        return body;
    }

    public long version() {
        return version;
    }

    public Long mediatorId() {
        return mediatorId;
    }

    public String mediatorName() {
        return mediatorName;
    }

    public List<Party> parties() {
        return parties;
    }

    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    public Window window() {
        return window;
    }

    public Agreement agreement() {
        return agreement;
    }

    public String agreementSha256() {
        return agreementSha256;
    }

    public Exit exit() {
        return exit;
    }

    public String rulingNumber() {
        return rulingNumber;
    }

    public Performance performance() {
        return performance;
    }

    public Satisfaction satisfaction() {
        return satisfaction;
    }

    public Level concludedLevel() {
        return concludedLevel;
    }

    public int escalations() {
        return escalations;
    }

    public int extensions() {
        return extensions;
    }

    public Source source() {
        return source;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String regionPath() {
        return regionPath;
    }

    public String facts() {
        return facts;
    }

    public Risk risk() {
        return risk;
    }
}
