package org.onegrid.incident.domain;

import static org.onegrid.incident.domain.Decision.allowed;
import static org.onegrid.incident.domain.Decision.conflict;
import static org.onegrid.incident.domain.Decision.forbidden;
import static org.onegrid.incident.domain.Decision.invalid;
import static org.onegrid.incident.domain.Decision.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.onegrid.casework.HistoryChain;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.casework.time.Window;
import org.onegrid.worktime.TimeMode;

/**
 * An incident 事件 and its closed loop (闭环): one method per action of the loop, each guarded.
 *
 * <p>Every action checks, in this order: the actor's data scope (the incident's region must lie in the actor's
 * region), the status ({@link Transitions}), the actor's role and organisation for this incident (the owning
 * centre, the handling department, the grid's worker, a higher centre, the reporter, …), the incident's state
 * (a pending extension, every assisting department reported in, …) and what was given (a reason, evidence).
 * The first check that fails gives the {@link Decision.Rejected rejection}, and nothing changes. An allowed
 * action changes the incident, appends exactly one {@link HistoryEntry} to the hash-chained history, registers
 * exactly one {@link IncidentEvent} and increments the {@link #version()} by one. The one exception is {@link
 * #markOverdue}, which may be followed by an automatic escalation: two actions, two entries, two events.
 *
 * <p>Time limits come from the {@link CatalogTerms} frozen at intake, counted through {@link Deadlines}. Not
 * thread-safe: load, act, store, within one transaction; concurrent writers are told apart by the version.
 */
public final class Incident {

    /** The longest description accepted at intake. */
    public static final int MAX_TEXT = 4000;

    /** The most photos and documents an intake may carry. */
    public static final int MAX_ATTACHMENTS = 9;

    private final Deadlines deadlines;
    private final IncidentId id;
    private final Intake intake;
    private CatalogTerms terms;
    private boolean typeUnconfirmed;
    private final Instant reportedAt;

    private long version;
    private Status status;
    private Centre owner;
    private Handling handling;
    private StageWindow stage;
    private ExtensionRequest pendingExtension;
    private int supporters;
    private int returns;
    private int reworks;
    private int reopens;
    private int escalations;
    private int urges;
    private int overdues;
    private int extensions;
    private IncidentId mergedInto;
    private String result;
    private Satisfaction satisfaction;
    private Level resolutionLevel;
    private Instant closedAt;
    private StageTimes stageTimes;
    private final List<SupervisionOrder> supervisions;

    private final List<HistoryEntry> history;
    private final int storedHistory;
    private final List<IncidentEvent> events = new ArrayList<>();

    private Incident(IncidentSnapshot state, List<HistoryEntry> history, Deadlines deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.id = state.id();
        this.intake = state.intake();
        this.terms = state.terms();
        this.typeUnconfirmed = state.typeUnconfirmed();
        this.reportedAt = state.reportedAt();
        this.version = state.version();
        this.status = state.status();
        this.owner = state.owner();
        this.handling = state.handling();
        this.stage = state.stage();
        this.pendingExtension = state.pendingExtension();
        Tally tally = state.tally();
        this.supporters = tally.supporters();
        this.returns = tally.returns();
        this.reworks = tally.reworks();
        this.reopens = tally.reopens();
        this.escalations = tally.escalations();
        this.urges = tally.urges();
        this.overdues = tally.overdues();
        this.extensions = tally.extensions();
        this.mergedInto = state.mergedInto();
        this.result = state.result();
        this.satisfaction = state.satisfaction();
        this.resolutionLevel = state.resolutionLevel();
        this.closedAt = state.closedAt();
        this.stageTimes = state.stageTimes();
        this.supervisions = new ArrayList<>(state.supervisions());
        this.history = new ArrayList<>(history);
        this.storedHistory = history.size();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Intake and restoring

    /**
     * 事件登记: a new incident from a channel, owned by the centre routing chose, in {@link Status#REPORTED} with its
     * accept deadline running. The history's first entry carries the description as its comment and the act's
     * attachments (photos).
     *
     * <p>Who may report through which channel: {@link Channel#GRID_WORKER} and {@link Channel#PATROL} a grid worker,
     * {@link Channel#CITIZEN} a resident, {@link Channel#HOTLINE} a centre dispatcher or the system (the 12345
     * bridge), {@link Channel#VISIT} a centre dispatcher, {@link Channel#SENSOR} the system. Staff report only
     * within their own region.
     *
     * @param id chosen by the caller, so that a repeated intake request can be recognised
     * @param owner the owning centre: the grid's village centre, or the centre of the level the item names
     * @throws ActionRefused if refused; there is no incident then
     */
    public static Incident report(
            IncidentId id, Intake intake, CatalogTerms terms, Centre owner, Act act, Deadlines deadlines) {
        return report(id, intake, terms, owner, act, deadlines, false);
    }

    /**
     * 事件登记 as {@link #report(IncidentId, Intake, CatalogTerms, Centre, Act, Deadlines)}; with {@code
     * typeUnconfirmed} the item was suggested from the text (智能分拨) rather than chosen, and the incident is marked
     * 类型待确认 until the owning centre confirms or changes it ({@link #reclassify}).
     */
    public static Incident report(
            IncidentId id,
            Intake intake,
            CatalogTerms terms,
            Centre owner,
            Act act,
            Deadlines deadlines,
            boolean typeUnconfirmed) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(owner, "owner");
        Actor actor = act.actor();
        Decision decision = mayReportThrough(intake.channel(), actor)
                .and(() -> when(
                        actor.role() == Role.RESIDENT
                                || actor.role() == Role.SYSTEM
                                || actor.covers(intake.regionPath()),
                        () -> forbidden(
                                "outside-own-region",
                                actor.name() + " may report only within their own region " + actor.regionPath()
                                        + ", not in " + intake.regionPath())))
                .and(() -> when(
                        !intake.text().isBlank(),
                        () -> invalid("description-required", "A report needs a description")))
                .and(() -> when(
                        characters(intake.text()) <= MAX_TEXT,
                        () -> invalid(
                                "description-too-long",
                                "A description may have at most " + MAX_TEXT + " characters, not "
                                        + characters(intake.text()))))
                .and(() -> when(
                        act.attachmentIds().size() <= MAX_ATTACHMENTS,
                        () -> invalid(
                                "too-many-attachments",
                                "A report may carry at most " + MAX_ATTACHMENTS + " attachments, not "
                                        + act.attachmentIds().size())))
                .and(() -> when(
                        RegionPaths.covers(owner.regionPath(), intake.regionPath()),
                        () -> invalid(
                                "centre-not-serving",
                                "The owning centre " + owner.orgId() + " does not serve " + intake.regionPath())));
        if (decision instanceof Decision.Rejected rejected) {
            throw new ActionRefused(rejected);
        }
        IncidentSnapshot start = new IncidentSnapshot(
                id,
                0,
                Transitions.INITIAL,
                intake,
                terms,
                act.at(),
                owner,
                null,
                null,
                null,
                Tally.NONE,
                null,
                null,
                null,
                null,
                null,
                StageTimes.NONE,
                List.of(),
                typeUnconfirmed);
        Incident incident = new Incident(start, List.of(), deadlines);
        incident.startStage(Stage.ACCEPT, act.at());
        incident.record(
                act.saying(intake.text()),
                Action.REPORT,
                null,
                details(
                        "channel", intake.channel(),
                        "item", terms.itemCode(),
                        "grid", intake.gridCode(),
                        "owner", owner.orgId(),
                        "deadline", incident.stage.deadline(),
                        "typeUnconfirmed", typeUnconfirmed ? Boolean.TRUE : null),
                new IncidentReported(
                        id,
                        act.at(),
                        actor.userId(),
                        intake.channel(),
                        terms.itemCode(),
                        intake.regionPath(),
                        intake.gridCode(),
                        owner.orgId(),
                        incident.stage.deadline()));
        return incident;
    }

    /**
     * An incident as stored: its state and its full history in sequence order, whose last entry the chain
     * continues from.
     *
     * @throws IllegalArgumentException if the history does not end where the state is
     */
    public static Incident restore(IncidentSnapshot state, List<HistoryEntry> history, Deadlines deadlines) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) {
            throw new IllegalArgumentException("Incident " + state.id() + " has no history");
        }
        HistoryEntry last = history.get(history.size() - 1);
        if (last.sequence() != state.version() || last.toStatus() != state.status()) {
            throw new IllegalArgumentException("Incident " + state.id() + " is at version " + state.version() + ", "
                    + state.status() + " but its history ends at " + last.sequence() + ", " + last.toStatus());
        }
        return new Incident(state, history, deadlines);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The centre's desk

    /** 受理 (立案) by the owning centre. The accept stage keeps running until the incident is handed on. */
    public Decision accept(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.ACCEPT, () -> owningCentre(actor));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        status = Status.ACCEPTED;
        record(act, Action.ACCEPT, from, "", new IncidentAccepted(id, act.at(), actor.userId(), owner.orgId()));
        return decision;
    }

    /**
     * 转矛盾纠纷调解: the owning centre hands an accepted incident to a mediation case, named in the comment (e.g. its
     * case number). The incident stays accepted and waits for the case: {@link #concludeHandedOver} closes it.
     */
    public Decision handOver(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.HAND_OVER, () -> owningCentre(actor))
                .and(() -> when(
                        !handedOver(),
                        () -> conflict("handed-over", "Incident " + id + " was handed to a mediation case already")))
                .and(() -> required(act, "hand-over-case", "A hand-over names the mediation case"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        record(act, Action.HAND_OVER, from, "", new IncidentHandedOver(id, act.at(), actor.userId(), owner.orgId()));
        return decision;
    }

    /**
     * 纠纷调处办结: the mediation case this incident was handed to concluded — agreed or referred elsewhere, told in the
     * comment — and the incident closes at the level that concluded it. By the system, for the dispute module.
     */
    public Decision concludeHandedOver(Act act, Level level) {
        Actor actor = act.actor();
        Decision decision = check(
                        actor,
                        Action.CONCLUDE_HANDED_OVER,
                        () -> when(
                                actor.role() == Role.SYSTEM,
                                () -> forbidden("system-only", "Only the platform closes a handed-over incident")))
                .and(() -> when(
                        handedOver(),
                        () -> conflict("not-handed-over", "Incident " + id + " was not handed to a mediation case")))
                .and(() -> required(act, "conclude-result", "Closing a handed-over incident needs the case's outcome"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        result = act.comment();
        close(Objects.requireNonNull(level, "level"), act.at());
        record(
                act,
                Action.CONCLUDE_HANDED_OVER,
                from,
                details("level", level),
                closedEvent(act, Action.CONCLUDE_HANDED_OVER));
        return decision;
    }

    private boolean handedOver() {
        return history.stream().anyMatch(e -> e.action() == Action.HAND_OVER);
    }

    /** 不予受理 by the owning centre; the comment is the reason. Terminal. */
    public Decision reject(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.REJECT, () -> owningCentre(actor))
                .and(() -> required(act, "reject-reason", "A rejection needs a reason"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        status = Status.REJECTED;
        record(
                act,
                Action.REJECT,
                from,
                "",
                new IncidentRejected(id, act.at(), actor.userId(), owner.orgId(), act.comment()));
        return decision;
    }

    /**
     * 合并: this incident is a duplicate of {@code survivor} (same catalog item), which counts one more supporter
     * (附议). The owning centre of this incident decides; the survivor must lie in its scope and still be open.
     * Both incidents change, each with its own history entry and event, or neither does.
     */
    public Decision mergeInto(Incident survivor, Act act) {
        Objects.requireNonNull(survivor, "survivor");
        Actor actor = act.actor();
        Decision decision = check(actor, Action.MERGE, () -> owningCentre(actor))
                .and(() -> when(
                        !survivor.id.equals(id),
                        () -> conflict("merge-into-itself", "An incident cannot be merged into itself")))
                .and(() -> when(
                        survivor.terms.itemCode().equals(terms.itemCode()),
                        () -> conflict(
                                "merge-different-item",
                                "Only duplicates of the same catalog item can be merged: " + terms.itemCode()
                                        + " is not " + survivor.terms.itemCode())))
                .and(() -> survivor.inScope(actor))
                .and(() -> survivor.statusAllows(Action.ADD_SUPPORTER));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        status = Status.MERGED;
        mergedInto = survivor.id;
        record(
                act,
                Action.MERGE,
                from,
                details("survivor", survivor.id),
                new IncidentMerged(id, act.at(), actor.userId(), survivor.id));
        survivor.supportedBy(this, act);
        return decision;
    }

    private void supportedBy(Incident duplicate, Act act) {
        Status from = status;
        supporters++;
        record(
                act,
                Action.ADD_SUPPORTER,
                from,
                details("duplicate", duplicate.id, "supporters", supporters),
                new IncidentSupporterAdded(id, act.at(), act.actor().userId(), duplicate.id, supporters));
    }

    /**
     * 自行处置 ("小事一格解决"): a grid worker of the incident's grid resolves a small incident on the spot; the comment
     * is the result, the attachments the evidence. Only for items the catalog gives to the grid or the village,
     * never for emergency types. Closes the incident at {@link Level#GRID}.
     */
    public Decision resolveOnTheSpot(Act act) {
        Actor actor = act.actor();
        Decision decision = check(
                        actor,
                        Action.RESOLVE_ON_THE_SPOT,
                        () -> when(
                                isGridWorkerHere(actor),
                                () -> forbidden(
                                        "not-grid-worker-here",
                                        "Only a grid worker of grid " + intake.gridCode()
                                                + " may resolve it on the spot")))
                .and(() -> when(
                        !terms.emergency() && !terms.normalLevel().isAbove(Level.VILLAGE),
                        () -> conflict(
                                "not-resolvable-on-spot",
                                "Item " + terms.itemCode() + " is handled at " + terms.normalLevel()
                                        + (terms.emergency() ? " as an emergency" : "")
                                        + "; only grid and village items are resolved on the spot")))
                .and(() -> required(act, "resolve-result", "Resolving on the spot needs the result"))
                .and(() ->
                        evidence(act, "resolve-evidence", "Resolving on the spot needs evidence, e.g. a photo after"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        result = act.comment();
        close(Level.GRID, act.at());
        record(
                act,
                Action.RESOLVE_ON_THE_SPOT,
                from,
                details("level", Level.GRID),
                closedEvent(act, Action.RESOLVE_ON_THE_SPOT));
        return decision;
    }

    /**
     * 派遣 by the owning centre: to departments (单派, 双派单, 吹哨报到), which starts the handle stage, or down to a
     * lower centre in the incident's region (下派), which then owns the incident, accepted, with a new accept stage.
     * Departments must serve the incident's region; a joint task needs an item that allows it and at least one
     * assisting department besides the lead.
     */
    public Decision dispatch(Act act, Dispatch to) {
        Objects.requireNonNull(to, "to");
        Actor actor = act.actor();
        Action action = to instanceof Dispatch.Down ? Action.DISPATCH_DOWN : Action.DISPATCH;
        Decision decision = check(actor, action, () -> owningCentre(actor)).and(() -> dispatchable(to));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        if (to instanceof Dispatch.Down down) {
            Centre previous = owner;
            owner = down.centre();
            startStage(Stage.ACCEPT, act.at());
            record(
                    act,
                    Action.DISPATCH_DOWN,
                    from,
                    details(
                            "mode", DispatchMode.DOWN,
                            "from", previous.orgId(),
                            "to", owner.orgId(),
                            "level", owner.level(),
                            "deadline", stage.deadline()),
                    new IncidentDispatchedDown(
                            id,
                            act.at(),
                            actor.userId(),
                            previous.orgId(),
                            owner.orgId(),
                            owner.level(),
                            stage.deadline()));
            return decision;
        }
        handling = handlingFor(to, act.at());
        status = Status.DISPATCHED;
        startStage(Stage.HANDLE, act.at());
        List<Long> assisting =
                handling.assisting().stream().map(a -> a.department().orgId()).toList();
        record(
                act,
                Action.DISPATCH,
                from,
                details(
                        "mode", handling.mode(),
                        "lead", handling.lead().orgId(),
                        "assisting", assisting.isEmpty() ? null : joined(assisting),
                        "supervisor", handling.supervisorUserId(),
                        "deadline", stage.deadline()),
                new IncidentDispatched(
                        id,
                        act.at(),
                        actor.userId(),
                        handling.mode(),
                        handling.lead().orgId(),
                        assisting,
                        handling.supervisorUserId(),
                        stage.deadline()));
        return decision;
    }

    private Decision dispatchable(Dispatch to) {
        if (to instanceof Dispatch.Single single) {
            return serves(single.department());
        }
        if (to instanceof Dispatch.Dual dual) {
            return serves(dual.department())
                    .and(() -> when(
                            dual.supervisorUserId() > 0,
                            () -> invalid(
                                    "dual-needs-supervisor", "Dual dispatch (双派单) needs the supervising grid worker")));
        }
        if (to instanceof Dispatch.Joint joint) {
            return when(
                            terms.jointAllowed(),
                            () -> conflict(
                                    "joint-not-allowed",
                                    "Item " + terms.itemCode() + " does not allow joint handling (吹哨报到)"))
                    .and(() -> when(
                            !joint.assisting().isEmpty(),
                            () -> invalid(
                                    "joint-needs-assisting",
                                    "Joint handling (吹哨报到) needs at least one assisting department")))
                    .and(() -> serves(joint.lead()))
                    .and(() -> joint.assisting().stream()
                            .map(this::serves)
                            .filter(d -> !d.isAllowed())
                            .findFirst()
                            .orElse(allowed()))
                    .and(() -> distinct(joint));
        }
        Centre centre = ((Dispatch.Down) to).centre();
        return when(
                owner.level().isAbove(centre.level())
                        && RegionPaths.strictlyCovers(owner.regionPath(), centre.regionPath())
                        && RegionPaths.covers(centre.regionPath(), intake.regionPath()),
                () -> invalid(
                        "not-lower-centre",
                        "Centre " + centre.orgId() + " is not a lower centre of " + owner.orgId()
                                + " serving the incident's region " + intake.regionPath()));
    }

    private Decision serves(Department department) {
        return when(
                RegionPaths.covers(department.regionPath(), intake.regionPath()),
                () -> invalid(
                        "department-not-serving",
                        "Department " + department.orgId() + " serves " + department.regionPath()
                                + ", not the incident's region " + intake.regionPath()));
    }

    private static Decision distinct(Dispatch.Joint joint) {
        Set<Long> seen = new HashSet<>();
        seen.add(joint.lead().orgId());
        for (Department department : joint.assisting()) {
            if (!seen.add(department.orgId())) {
                return invalid(
                        "department-twice", "Department " + department.orgId() + " is named twice in the joint task");
            }
        }
        return allowed();
    }

    private static Handling handlingFor(Dispatch to, Instant at) {
        if (to instanceof Dispatch.Single single) {
            return new Handling(DispatchMode.SINGLE, single.department(), List.of(), null, at, null);
        }
        if (to instanceof Dispatch.Dual dual) {
            return new Handling(DispatchMode.DUAL, dual.department(), List.of(), dual.supervisorUserId(), at, null);
        }
        Dispatch.Joint joint = (Dispatch.Joint) to;
        List<Handling.Assist> assisting = joint.assisting().stream()
                .map(d -> new Handling.Assist(d, null, null, null))
                .toList();
        return new Handling(DispatchMode.JOINT, joint.lead(), assisting, null, at, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The departments' work

    /** 签收 by the lead department. The handle stage keeps running from the dispatch. */
    public Decision sign(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.SIGN, () -> leadDepartment(actor));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        handling = handling.signed(act.at());
        status = Status.IN_PROGRESS;
        record(act, Action.SIGN, from, "", new IncidentSigned(id, act.at(), actor.userId(), actor.orgId()));
        return decision;
    }

    /**
     * 退回 by the lead department before signing, for misrouted work; the comment is the reason. The owning
     * centre gets the incident back, accepted, with a new accept stage; the return is counted against the
     * dispatch (派遣准确率).
     */
    public Decision returnToCentre(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.RETURN, () -> leadDepartment(actor))
                .and(() -> required(act, "return-reason", "A return needs a reason"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        handling = null;
        pendingExtension = null;
        returns++;
        status = Status.ACCEPTED;
        startStage(Stage.ACCEPT, act.at());
        record(
                act,
                Action.RETURN,
                from,
                details("department", actor.orgId(), "returns", returns, "deadline", stage.deadline()),
                new IncidentReturned(
                        id, act.at(), actor.userId(), actor.orgId(), owner.orgId(), act.comment(), returns));
        return decision;
    }

    /**
     * 申请延期 by the lead department while handling: {@code extra} time in the handle stage's time mode; the
     * comment is the reason. One request may wait at a time.
     */
    public Decision requestExtension(Act act, Duration extra) {
        Objects.requireNonNull(extra, "extra");
        Actor actor = act.actor();
        Decision decision = check(actor, Action.REQUEST_EXTENSION, () -> leadDepartment(actor))
                .and(() -> when(
                        pendingExtension == null,
                        () -> conflict(
                                "extension-pending", "An extension request already waits for the centre's decision")))
                .and(() -> when(
                        !extra.isNegative() && !extra.isZero(),
                        () -> invalid("extension-not-positive", "An extension must be positive")))
                .and(() -> required(act, "extension-reason", "An extension request needs a reason"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        pendingExtension = new ExtensionRequest(extra, act.comment(), actor.userId(), actor.orgId(), act.at());
        record(
                act,
                Action.REQUEST_EXTENSION,
                from,
                details("extra", extra, "mode", terms.handle().mode()),
                new IncidentExtensionRequested(id, act.at(), actor.userId(), actor.orgId(), owner.orgId(), extra));
        return decision;
    }

    /**
     * 延期审批 by the owning centre. Approval moves the handle deadline by the requested time, counted from the
     * current deadline in the stage's time mode; a denial needs a reason (the comment).
     */
    public Decision decideExtension(Act act, boolean approve) {
        Actor actor = act.actor();
        Action action = approve ? Action.APPROVE_EXTENSION : Action.DENY_EXTENSION;
        Decision decision = check(actor, action, () -> owningCentre(actor))
                .and(() -> when(
                        pendingExtension != null,
                        () -> conflict("no-extension-pending", "No extension request is waiting")))
                .and(() -> approve ? allowed() : required(act, "denial-reason", "A denied extension needs a reason"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        Duration extra = pendingExtension.extra();
        pendingExtension = null;
        if (approve) {
            TimeMode mode = terms.handle().mode();
            Instant moved = deadlines.deadline(stage.deadline(), extra, mode);
            stage = stage.movedTo(moved, yellowAt(stage.startedAt(), moved, mode));
            extensions++;
        }
        record(
                act,
                action,
                from,
                details("extra", extra, "deadline", stage.deadline()),
                new IncidentExtensionDecided(id, act.at(), actor.userId(), approve, stage.deadline()));
        return decision;
    }

    /** 报到 by an assisting department of a joint task (吹哨报到). */
    public Decision reportIn(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.REPORT_IN, () -> assistingDepartment(actor))
                .and(() -> when(
                        !handling.assist(actor.orgId()).orElseThrow().hasReportedIn(),
                        () -> conflict(
                                "already-reported-in", "Department " + actor.orgId() + " has already reported in")));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        Handling.Assist assist = handling.assist(actor.orgId()).orElseThrow();
        handling = handling.withAssist(new Handling.Assist(assist.department(), act.at(), null, null));
        record(
                act,
                Action.REPORT_IN,
                from,
                details("department", actor.orgId()),
                new AssistingDepartmentReportedIn(id, act.at(), actor.userId(), actor.orgId()));
        return decision;
    }

    /** 协办反馈 by an assisting department that has reported in: the comment is its part, once. */
    public Decision recordPart(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.RECORD_PART, () -> assistingDepartment(actor))
                .and(() -> when(
                        handling.assist(actor.orgId()).orElseThrow().hasReportedIn(),
                        () -> conflict(
                                "report-in-first", "Department " + actor.orgId() + " must report in (报到) first")))
                .and(() -> when(
                        !handling.assist(actor.orgId()).orElseThrow().hasRecordedPart(),
                        () -> conflict(
                                "part-already-recorded",
                                "Department " + actor.orgId() + " has already recorded its part")))
                .and(() -> required(act, "part-text", "Recording a part needs what was done"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        Handling.Assist assist = handling.assist(actor.orgId()).orElseThrow();
        handling = handling.withAssist(
                new Handling.Assist(assist.department(), assist.reportedInAt(), act.comment(), act.at()));
        record(
                act,
                Action.RECORD_PART,
                from,
                details("department", actor.orgId()),
                new AssistingPartRecorded(id, act.at(), actor.userId(), actor.orgId()));
        return decision;
    }

    /**
     * 办结反馈 by the lead department: the comment is the result, the attachments the evidence. A joint task can be
     * completed only when every assisting department has reported in and recorded its part. Starts verification.
     */
    public Decision complete(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.COMPLETE, () -> leadDepartment(actor))
                .and(() -> when(
                        handling.assistingStillOwing().isEmpty(),
                        () -> conflict(
                                "assisting-owing",
                                "Assisting departments " + joined(handling.assistingStillOwing())
                                        + " have not yet reported in (报到) and recorded their part")))
                .and(() -> required(act, "complete-result", "Completing needs the result"))
                .and(() -> evidence(act, "complete-evidence", "Completing needs evidence, e.g. a photo after"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        pendingExtension = null;
        result = act.comment();
        status = Status.HANDLED;
        startStage(Stage.VERIFY, act.at());
        record(
                act,
                Action.COMPLETE,
                from,
                details("deadline", stage.deadline()),
                new IncidentCompleted(id, act.at(), actor.userId(), actor.orgId(), stage.deadline()));
        return decision;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Verification, evaluation, reopening

    /**
     * 核查 on site, by the owning centre, by the supervising grid worker of a dual dispatch, or otherwise by a grid
     * worker of the incident's grid. Passed: closed, at the level of the owning centre. Failed (the comment is
     * the reason): back to the department as rework (返工), counted, with a new handle deadline.
     */
    public Decision verify(Act act, boolean passed) {
        Actor actor = act.actor();
        Action action = passed ? Action.VERIFY_PASS : Action.VERIFY_FAIL;
        Decision decision = check(actor, action, () -> verifier(actor))
                .and(() -> passed
                        ? allowed()
                        : required(act, "verify-fail-reason", "A failed verification needs the reason"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        endStage(act.at());
        if (passed) {
            close(owner.level(), act.at());
            record(act, action, from, details("level", owner.level()), closedEvent(act, action));
            return decision;
        }
        reworks++;
        status = Status.IN_PROGRESS;
        startStage(Stage.HANDLE, act.at());
        record(
                act,
                action,
                from,
                details("reworks", reworks, "deadline", stage.deadline()),
                new IncidentVerificationFailed(
                        id, act.at(), actor.userId(), handling.departmentIds(), reworks, stage.deadline()));
        return decision;
    }

    private void close(Level level, Instant at) {
        status = Status.CLOSED;
        resolutionLevel = level;
        closedAt = at;
    }

    private IncidentClosed closedEvent(Act act, Action closedBy) {
        return new IncidentClosed(
                id, act.at(), act.actor().userId(), closedBy, resolutionLevel, owner.orgId(), stageTimes);
    }

    /**
     * 评价 of a closed incident, once per closing: by the reporter, or, when the reporter has no account (a hotline
     * caller, a visitor), by the owning centre recording the return call (回访).
     */
    public Decision evaluate(Act act, Satisfaction rating) {
        Objects.requireNonNull(rating, "rating");
        Actor actor = act.actor();
        Decision decision = check(actor, Action.EVALUATE, () -> evaluator(actor))
                .and(() -> when(
                        satisfaction == null,
                        () -> conflict("already-evaluated", "The result has already been evaluated")));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        satisfaction = rating;
        record(
                act,
                Action.EVALUATE,
                from,
                details("satisfaction", rating),
                new IncidentEvaluated(id, act.at(), actor.userId(), rating));
        return decision;
    }

    /**
     * 重办 by the owning centre after an unsatisfied (不满意) evaluation: accepted again, with a new accept stage;
     * counted. The earlier handling, result, level and evaluation stay in the history.
     */
    public Decision reopen(Act act) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.REOPEN, () -> owningCentre(actor))
                .and(() -> when(
                        satisfaction == Satisfaction.DISSATISFIED,
                        () -> conflict("reopen-needs-dissatisfied", "Only an incident evaluated 不满意 can be reopened")));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        reopens++;
        handling = null;
        result = null;
        satisfaction = null;
        resolutionLevel = null;
        closedAt = null;
        status = Status.ACCEPTED;
        startStage(Stage.ACCEPT, act.at());
        record(
                act,
                Action.REOPEN,
                from,
                details("reopens", reopens, "deadline", stage.deadline()),
                new IncidentReopened(id, act.at(), actor.userId(), owner.orgId(), reopens));
        return decision;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Escalation, urging, supervision, deadlines

    /**
     * 上报 by the owning centre to its parent centre, which owns the incident from now on ("小事不出村、大事不出镇").
     * An emergency item may go up more than one level at once; others go to the next level. The new owner gets a
     * new accept stage.
     */
    public Decision escalate(Act act, Centre parent) {
        Actor actor = act.actor();
        Decision decision = check(actor, Action.ESCALATE, () -> owningCentre(actor))
                .and(() -> when(
                        owner.level() != Level.CITY,
                        () -> conflict("no-centre-above", "The city centre has no centre above it")))
                .and(() -> higherCentre(parent, terms.emergency()));
        if (!decision.isAllowed()) {
            return decision;
        }
        escalateTo(act, parent, Action.ESCALATE);
        return decision;
    }

    private Decision higherCentre(Centre parent, boolean anyLevelAbove) {
        if (parent == null) {
            return invalid("escalation-needs-parent", "Escalation needs the centre above");
        }
        boolean levelFits = anyLevelAbove
                ? parent.level().isAbove(owner.level())
                : parent.level() == owner.level().parent();
        return when(
                levelFits && RegionPaths.strictlyCovers(parent.regionPath(), owner.regionPath()),
                () -> invalid(
                        "not-parent-centre",
                        "Centre " + parent.orgId() + " (" + parent.level() + ", " + parent.regionPath()
                                + ") is not " + (anyLevelAbove ? "a centre above " : "the parent centre of ")
                                + owner.orgId()
                                + " (" + owner.level() + ", " + owner.regionPath() + ")"));
    }

    private void escalateTo(Act act, Centre parent, Action action) {
        Status from = status;
        Centre previous = owner;
        owner = parent;
        escalations++;
        // A centre's desk time starts afresh for the new owner; a department's handling or a verification runs on.
        if (stage.stage() == Stage.ACCEPT) {
            endStage(act.at());
            startStage(Stage.ACCEPT, act.at());
        }
        record(
                act,
                action,
                from,
                details("from", previous.orgId(), "to", parent.orgId(), "level", parent.level()),
                new IncidentEscalated(
                        id,
                        act.at(),
                        act.actor().userId(),
                        previous.orgId(),
                        parent.orgId(),
                        parent.level(),
                        action == Action.AUTO_ESCALATE));
    }

    /**
     * 核定事项类型 by the owning centre: confirms the item the incident runs under, or changes it to {@code to} (the
     * comment is then the reason). Either way the incident is no longer 类型待确认. The running stage keeps its
     * deadline, since it started under the old terms; every stage that starts from now on runs on the new item's
     * time limits. The owner stays: a centre that should not own it escalates or hands it down as usual.
     */
    public Decision reclassify(Act act, CatalogTerms to) {
        Objects.requireNonNull(to, "to");
        Actor actor = act.actor();
        boolean changed = !to.itemCode().equals(terms.itemCode());
        Decision decision = check(actor, Action.RECLASSIFY, () -> owningCentre(actor))
                .and(() -> changed
                        ? required(act, "reclassify-reason", "Changing the item needs a reason")
                        : when(
                                typeUnconfirmed,
                                () -> conflict(
                                        "type-confirmed", "The item " + terms.itemCode() + " is already confirmed")));
        if (!decision.isAllowed()) {
            return decision;
        }
        CatalogTerms from = terms;
        terms = to;
        typeUnconfirmed = false;
        record(
                act,
                Action.RECLASSIFY,
                status,
                details("from", from.itemCode(), "to", to.itemCode(), "changed", changed),
                new IncidentReclassified(
                        id, act.at(), actor.userId(), owner.orgId(), from.itemCode(), to.itemCode(), intake.text()));
        return decision;
    }

    /**
     * 催办 of an open incident: by a higher centre or a leader of the owner's region or above, or by the owning
     * centre once it has
     * dispatched the work to departments. The comment is the message; counted.
     */
    public Decision urge(Act act) {
        Actor actor = act.actor();
        Decision decision = check(
                actor,
                Action.URGE,
                () -> when(
                        isHigherCentre(actor) || isLeaderOver(actor) || (handling != null && isOwningCentre(actor)),
                        () -> forbidden(
                                "urge-not-allowed",
                                "Only a higher centre, a leader, or the owning centre once the work is with a"
                                        + " department may urge")));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        urges++;
        List<Long> departments = handling == null ? List.of() : handling.departmentIds();
        record(
                act,
                Action.URGE,
                from,
                details("urges", urges),
                new IncidentUrged(id, act.at(), actor.userId(), actor.orgId(), owner.orgId(), departments));
        return decision;
    }

    /**
     * 补充说明 of an open incident by its reporter: the resident with the account that reported it, or for a report
     * without an account the anonymous resident (whoever calls for them, the resident pages or an Open311 client, has
     * proved to be the reporter's channel). The comment is the addition; the status does not change.
     */
    public Decision supplement(Act act) {
        Actor actor = act.actor();
        Decision decision = check(
                        actor,
                        Action.SUPPLEMENT,
                        () -> when(
                                actor.role() == Role.RESIDENT
                                        && (intake.reporter().hasAccount()
                                                ? intake.reporter().userId() == actor.userId()
                                                : actor.isAnonymousResident()),
                                () -> forbidden("supplement-by-reporter", "Only the reporter may add to a report")))
                .and(() -> when(
                        !act.comment().isBlank(),
                        () -> invalid("supplement-text-required", "A supplement needs its text")))
                .and(() -> when(
                        characters(act.comment()) <= MAX_TEXT,
                        () -> invalid(
                                "supplement-too-long",
                                "A supplement may have at most " + MAX_TEXT + " characters, not "
                                        + characters(act.comment()))));
        if (!decision.isAllowed()) {
            return decision;
        }
        record(
                act,
                Action.SUPPLEMENT,
                status,
                null,
                new IncidentSupplemented(id, act.at(), actor.userId(), owner.orgId()));
        return decision;
    }

    /**
     * 督办 of an open incident by a higher centre or a leader of the owner's region or above: a supervision order
     * whose instruction is the comment, due {@code limit} from now.
     */
    public Decision supervise(Act act, TimeLimit limit) {
        Objects.requireNonNull(limit, "limit");
        Actor actor = act.actor();
        Decision decision = check(
                        actor,
                        Action.SUPERVISE,
                        () -> when(
                                isHigherCentre(actor) || isLeaderOver(actor),
                                () -> forbidden(
                                        "supervise-not-allowed", "Only a higher centre or a leader may supervise")))
                .and(() -> required(act, "supervision-instruction", "A supervision order needs an instruction"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        SupervisionOrder order = new SupervisionOrder(
                supervisions.size() + 1,
                actor.userId(),
                actor.orgId(),
                act.comment(),
                act.at(),
                deadlines.deadline(act.at(), limit),
                null,
                null,
                null);
        supervisions.add(order);
        List<Long> departments = handling == null ? List.of() : handling.departmentIds();
        record(
                act,
                Action.SUPERVISE,
                from,
                details("order", order.number(), "deadline", order.deadline()),
                new IncidentSupervised(
                        id,
                        act.at(),
                        actor.userId(),
                        order.number(),
                        actor.orgId(),
                        owner.orgId(),
                        departments,
                        order.deadline()));
        return decision;
    }

    /**
     * 督办回复 to supervision order {@code number}, once, by the owning centre or a department handling the
     * incident; the comment is the reply. Also possible after closing.
     */
    public Decision replyToSupervision(Act act, int number) {
        Actor actor = act.actor();
        Decision decision = check(
                        actor,
                        Action.REPLY_SUPERVISION,
                        () -> when(
                                isOwningCentre(actor) || isHandlingDepartment(actor),
                                () -> forbidden(
                                        "reply-not-allowed",
                                        "Only the owning centre or a handling department may reply")))
                .and(() -> when(
                        number >= 1 && number <= supervisions.size(),
                        () -> invalid("no-such-supervision", "There is no supervision order " + number)))
                .and(() -> when(
                        !supervisions.get(number - 1).isReplied(),
                        () -> conflict(
                                "supervision-replied", "Supervision order " + number + " has already been replied to")))
                .and(() -> required(act, "supervision-reply", "A reply needs a text"));
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        SupervisionOrder order = supervisions.get(number - 1);
        supervisions.set(number - 1, order.replied(act.comment(), actor.userId(), act.at()));
        record(
                act,
                Action.REPLY_SUPERVISION,
                from,
                details("order", number),
                new SupervisionReplied(id, act.at(), actor.userId(), number, actor.orgId(), order.issuerOrgId()));
        return decision;
    }

    /**
     * 超期: records, by the system, that the current stage's deadline has passed — once per stage, counted. If the
     * item's rule says so ({@link CatalogTerms#autoEscalateOnOverdue()}) and there is a centre above, the incident
     * is then escalated to {@code parent} automatically ({@link Action#AUTO_ESCALATE}): a second entry and event.
     *
     * @param parent the owning centre's parent centre; null at the top or if not known, and then only the overdue
     *     stage is recorded
     */
    public Decision markOverdue(Instant now, Centre parent) {
        Act act = Act.system(now);
        boolean escalating = terms.autoEscalateOnOverdue() && owner.level() != Level.CITY && parent != null;
        Decision decision = statusAllows(Action.MARK_OVERDUE)
                .and(() -> when(
                        stage.isOverdue(act.at()),
                        () -> conflict(
                                "not-overdue",
                                "The " + stage.stage() + " stage is due " + stage.deadline() + ", not overdue")))
                .and(() -> when(
                        !stage.overdueMarked(),
                        () -> conflict(
                                "overdue-recorded", "The " + stage.stage() + " stage is already recorded as overdue")))
                .and(() -> escalating ? higherCentre(parent, false) : allowed());
        if (!decision.isAllowed()) {
            return decision;
        }
        Status from = status;
        stage = stage.markedOverdue();
        overdues++;
        List<Long> departments = handling == null ? List.of() : handling.departmentIds();
        record(
                act,
                Action.MARK_OVERDUE,
                from,
                details("stage", stage.stage(), "deadline", stage.deadline()),
                new IncidentOverdue(
                        id,
                        act.at(),
                        Actor.SYSTEM.userId(),
                        stage.stage(),
                        stage.deadline(),
                        owner.orgId(),
                        departments));
        if (escalating) {
            escalateTo(act, parent, Action.AUTO_ESCALATE);
        }
        return decision;
    }

    /**
     * 期限重算 after the working-time calendar changed: the running stage keeps the working time it was given — from
     * its start to its deadline on the calendar it was counted on ({@code before}) — and its deadline is that time
     * counted on the calendar now in force. Nothing is recorded when the deadline stays where it was, or when the
     * stage counts natural hours, which no calendar moves.
     */
    public Decision recountDeadline(Instant now, Deadlines before) {
        Act act = Act.system(now);
        Decision decision = statusAllows(Action.RECOUNT_DEADLINE)
                .and(() -> when(
                        terms.limitOf(stage.stage()).mode() == TimeMode.WORKING,
                        () -> conflict("natural-hours", "The " + stage.stage() + " stage counts natural hours")));
        if (!decision.isAllowed()) {
            return decision;
        }
        TimeMode mode = TimeMode.WORKING;
        Duration given = before.elapsed(stage.startedAt(), stage.deadline(), mode);
        Instant recounted = deadlines.deadline(stage.startedAt(), given, mode);
        if (recounted.equals(stage.deadline())) {
            return conflict("unchanged", "The deadline " + recounted + " does not move");
        }
        Status from = status;
        Instant previous = stage.deadline();
        stage = stage.movedTo(recounted, yellowAt(stage.startedAt(), recounted, mode));
        record(
                act,
                Action.RECOUNT_DEADLINE,
                from,
                details("stage", stage.stage(), "previousDeadline", previous, "deadline", recounted),
                new IncidentDeadlineRecounted(id, act.at(), Actor.SYSTEM.userId(), stage.stage(), previous, recounted));
        return decision;
    }

    /** The light of the running stage at {@code now}; empty when closed, rejected or merged. */
    public Optional<Light> light(Instant now) {
        return stage == null ? Optional.empty() : Optional.of(stage.light(now));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Guards

    private Decision check(Actor actor, Action action, Supplier<Decision> actorsRight) {
        return inScope(actor).and(() -> statusAllows(action)).and(actorsRight);
    }

    private Decision inScope(Actor actor) {
        // Residents act through being the reporter, the system everywhere; staff within their region.
        if (actor.role() == Role.RESIDENT || actor.role() == Role.SYSTEM) {
            return allowed();
        }
        return when(
                actor.covers(intake.regionPath()),
                () -> forbidden(
                        "outside-scope",
                        "Incident " + id + " in " + intake.regionPath() + " lies outside the region "
                                + actor.regionPath() + " of " + actor.name()));
    }

    private Decision statusAllows(Action action) {
        return when(
                Transitions.allows(status, action),
                () -> conflict(
                        "status-forbids",
                        action.label() + " (" + action + ") is not possible while the incident is " + status.label()
                                + " (" + status + ")",
                        action.label(),
                        status.label()));
    }

    private static Decision mayReportThrough(Channel channel, Actor actor) {
        Set<Role> roles = switch (channel) {
            case GRID_WORKER, PATROL -> Set.of(Role.GRID_WORKER);
            case CITIZEN -> Set.of(Role.RESIDENT);
            case HOTLINE -> Set.of(Role.CENTRE_DISPATCHER, Role.SYSTEM);
            case VISIT -> Set.of(Role.CENTRE_DISPATCHER);
            case SENSOR -> Set.of(Role.SYSTEM);
        };
        return when(
                roles.contains(actor.role()),
                () -> forbidden(
                        "channel-not-allowed",
                        "A " + actor.role().label() + " cannot report through " + channel.label(),
                        channel.label()));
    }

    private Decision owningCentre(Actor actor) {
        return when(
                isOwningCentre(actor),
                () -> forbidden(
                        "not-owning-centre",
                        "Only a dispatcher of the owning centre " + owner.orgId() + " may do this"));
    }

    private boolean isOwningCentre(Actor actor) {
        return actor.role() == Role.CENTRE_DISPATCHER && actor.actsFor(OrgKind.CENTRE, owner.orgId());
    }

    /** A dispatcher of a centre whose region strictly contains the owning centre's. */
    private boolean isHigherCentre(Actor actor) {
        return actor.role() == Role.CENTRE_DISPATCHER
                && actor.orgKind() == OrgKind.CENTRE
                && RegionPaths.strictlyCovers(actor.regionPath(), owner.regionPath());
    }

    /** A leader of the owning centre's region or of a region above it: supervision runs top-down. */
    private boolean isLeaderOver(Actor actor) {
        return actor.role() == Role.LEADER && RegionPaths.covers(actor.regionPath(), owner.regionPath());
    }

    private Decision leadDepartment(Actor actor) {
        return when(
                handling != null
                        && actor.role() == Role.DEPARTMENT_HANDLER
                        && actor.actsFor(OrgKind.DEPARTMENT, handling.lead().orgId()),
                () -> forbidden(
                        "not-lead-department",
                        "Only a handler of the lead department"
                                + (handling == null ? "" : " " + handling.lead().orgId()) + " may do this"));
    }

    private Decision assistingDepartment(Actor actor) {
        return when(
                handling != null
                        && actor.role() == Role.DEPARTMENT_HANDLER
                        && actor.orgKind() == OrgKind.DEPARTMENT
                        && handling.assist(actor.orgId()).isPresent(),
                () -> forbidden(
                        "not-assisting-department", "Only an assisting department of a joint task (吹哨报到) may do this"));
    }

    private boolean isHandlingDepartment(Actor actor) {
        return handling != null
                && actor.role() == Role.DEPARTMENT_HANDLER
                && actor.orgKind() == OrgKind.DEPARTMENT
                && handling.departmentIds().contains(actor.orgId());
    }

    private boolean isGridWorkerHere(Actor actor) {
        return actor.role() == Role.GRID_WORKER && actor.gridCodes().contains(intake.gridCode());
    }

    private Decision verifier(Actor actor) {
        boolean gridWorker = handling != null && handling.mode() == DispatchMode.DUAL
                ? actor.role() == Role.GRID_WORKER && actor.userId() == handling.supervisorUserId()
                : isGridWorkerHere(actor);
        return when(
                isOwningCentre(actor) || gridWorker,
                () -> forbidden(
                        "not-verifier",
                        "Only the owning centre or "
                                + (handling != null && handling.mode() == DispatchMode.DUAL
                                        ? "the supervising grid worker of the dual dispatch"
                                        : "a grid worker of grid " + intake.gridCode())
                                + " may verify"));
    }

    private Decision evaluator(Actor actor) {
        Reporter reporter = intake.reporter();
        if (reporter.hasAccount()) {
            return when(
                    actor.userId() == reporter.userId() && actor.role() != Role.SYSTEM,
                    () -> forbidden("not-reporter", "Only the reporter may evaluate the result"));
        }
        // a resident without an account rates through the tracking code (查询码) the report gave them: their own
        // report from the public page, or one a grid worker made on their behalf (代报); the application acts as
        // the anonymous resident only for the holder of the incident's code
        boolean anonymousReporter = actor.isAnonymousResident();
        return when(
                isOwningCentre(actor) || anonymousReporter,
                () -> forbidden(
                        "evaluation-by-return-call",
                        "The reporter has no account; the owning centre records the evaluation (回访)"));
    }

    private static Decision required(Act act, String code, String message) {
        return when(act.hasComment(), () -> invalid(code, message));
    }

    private static Decision evidence(Act act, String code, String message) {
        return when(act.hasAttachments(), () -> invalid(code, message));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stages and history

    private void startStage(Stage next, Instant at) {
        TimeLimit limit = terms.limitOf(next);
        Instant deadline = deadlines.deadline(at, limit);
        stage = new StageWindow(next, at, deadline, yellowAt(at, deadline, limit.mode()), false);
    }

    /** The first instant at which at least 80 % of the time from {@code start} to {@code deadline} is used. */
    private Instant yellowAt(Instant start, Instant deadline, TimeMode mode) {
        return Window.yellowAt(start, deadline, mode, deadlines);
    }

    private void endStage(Instant at) {
        if (stage != null) {
            // a stage that ends past its deadline was late, whether or not the overdue scan got to it first: the
            // figures (按期结案率) must not depend on the scan having run
            if (stage.isOverdue(at) && !stage.overdueMarked()) {
                overdues++;
            }
            stageTimes = stageTimes.plus(stage.stage(), deadlines.elapsed(stage.startedAt(), at, TimeMode.WORKING));
            stage = null;
        }
    }

    private void record(Act act, Action action, Status from, String detail, IncidentEvent event) {
        Status expected = from == null
                ? Transitions.INITIAL
                : Transitions.target(from, action).orElse(null);
        if (expected != status) {
            throw new IllegalStateException(
                    action + " from " + from + " led to " + status + ", but the transition table says " + expected);
        }
        HistoryEntry previous = history.isEmpty() ? null : history.get(history.size() - 1);
        history.add(HistoryEntry.next(id, previous, act, action, from, status, detail));
        version++;
        events.add(event);
    }

    /** {@code key=value} pairs separated by spaces, skipping null values; instants in the history's UTC form. */
    private static String details(Object... keysAndValues) {
        StringJoiner out = new StringJoiner(" ");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                String text = value instanceof Instant instant ? HistoryChain.instant(instant) : value.toString();
                out.add(keysAndValues[i] + "=" + text);
            }
        }
        return out.toString();
    }

    private static String joined(List<Long> ids) {
        StringJoiner out = new StringJoiner(",");
        ids.forEach(i -> out.add(Long.toString(i)));
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    public IncidentId id() {
        return id;
    }

    /** The optimistic version: 1 after the report, one more per accepted action. */
    public long version() {
        return version;
    }

    public Status status() {
        return status;
    }

    public Intake intake() {
        return intake;
    }

    /** The catalog terms frozen at intake. */
    /** 类型待确认: the item was suggested from the text and the owning centre has not confirmed or changed it yet. */
    public boolean typeUnconfirmed() {
        return typeUnconfirmed;
    }

    public CatalogTerms terms() {
        return terms;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    /** The centre that owns the incident now. */
    public Centre owner() {
        return owner;
    }

    /** The departments handling it, while dispatched and after, until returned or reopened. */
    public Optional<Handling> handling() {
        return Optional.ofNullable(handling);
    }

    /** The running stage and its deadline; empty when closed, rejected or merged. */
    public Optional<StageWindow> stage() {
        return Optional.ofNullable(stage);
    }

    public Optional<ExtensionRequest> pendingExtension() {
        return Optional.ofNullable(pendingExtension);
    }

    public Tally tally() {
        return new Tally(supporters, returns, reworks, reopens, escalations, urges, overdues, extensions);
    }

    public Optional<IncidentId> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    /** The latest handling result. */
    public Optional<String> result() {
        return Optional.ofNullable(result);
    }

    public Optional<Satisfaction> satisfaction() {
        return Optional.ofNullable(satisfaction);
    }

    /** The level at which it was resolved (化解层级), while closed. */
    public Optional<Level> resolutionLevel() {
        return Optional.ofNullable(resolutionLevel);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** Working time spent per stage so far. */
    public StageTimes stageTimes() {
        return stageTimes;
    }

    public List<SupervisionOrder> supervisions() {
        return List.copyOf(supervisions);
    }

    /** The whole history, oldest first. */
    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    /** The entries appended since the incident was reported or restored: what storage has yet to insert. */
    public List<HistoryEntry> unsavedHistory() {
        return List.copyOf(history.subList(storedHistory, history.size()));
    }

    /** The events registered since the last call, oldest first; the incident forgets them. */
    public List<IncidentEvent> pullEvents() {
        List<IncidentEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** Everything but the history, as plain values, for storage. */
    public IncidentSnapshot snapshot() {
        return new IncidentSnapshot(
                id,
                version,
                status,
                intake,
                terms,
                reportedAt,
                owner,
                handling,
                stage,
                pendingExtension,
                tally(),
                mergedInto,
                result,
                satisfaction,
                resolutionLevel,
                closedAt,
                stageTimes,
                supervisions,
                typeUnconfirmed);
    }

    /** A text's length as people count it: in characters (code points), so that an emoji counts one, not two. */
    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    @Override
    public String toString() {
        return "Incident[" + id + ", " + status + ", v" + version + "]";
    }
}
