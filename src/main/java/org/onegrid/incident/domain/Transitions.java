package org.onegrid.incident.domain;

import static org.onegrid.incident.domain.Action.*;
import static org.onegrid.incident.domain.Status.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The allowed transitions of the loop (流转表): for each status, which actions may happen and which status each
 * leads to. {@link Incident} asks this table before every action and checks the status it arrives at against it;
 * tests walk it pair by pair. {@link Action#REPORT} is not in it: it creates an incident in {@link #INITIAL}.
 *
 * <p>Whether an allowed action is also allowed for a given actor, and in the incident's particular state (a
 * pending extension, an open supervision order, …), is for the guards of {@link Incident}.
 */
public final class Transitions {

    /** The status a report creates. */
    public static final Status INITIAL = REPORTED;

    /** One row: in status {@code from}, {@code action} leads to {@code to}. */
    public record Transition(Status from, Action action, Status to) {}

    private static final List<Transition> ROWS;
    private static final Map<Status, Map<Action, Status>> TABLE = new EnumMap<>(Status.class);

    static {
        List<Transition> rows = new ArrayList<>();
        // A centre's desk: accept or refuse, hand on, push up, or let the grid worker settle it.
        rows.add(new Transition(REPORTED, ACCEPT, ACCEPTED));
        rows.add(new Transition(REPORTED, REJECT, REJECTED));
        rows.add(new Transition(REPORTED, MERGE, MERGED));
        rows.add(new Transition(REPORTED, RESOLVE_ON_THE_SPOT, CLOSED));
        rows.add(new Transition(REPORTED, ESCALATE, REPORTED));
        rows.add(new Transition(ACCEPTED, MERGE, MERGED));
        rows.add(new Transition(ACCEPTED, RESOLVE_ON_THE_SPOT, CLOSED));
        rows.add(new Transition(ACCEPTED, DISPATCH, DISPATCHED));
        rows.add(new Transition(ACCEPTED, DISPATCH_DOWN, ACCEPTED));
        rows.add(new Transition(ACCEPTED, ESCALATE, ACCEPTED));
        // A dispute handed to mediation waits for the mediation case, then closes with its outcome.
        rows.add(new Transition(ACCEPTED, HAND_OVER, ACCEPTED));
        rows.add(new Transition(ACCEPTED, CONCLUDE_HANDED_OVER, CLOSED));
        // The departments' work.
        rows.add(new Transition(DISPATCHED, SIGN, IN_PROGRESS));
        rows.add(new Transition(DISPATCHED, RETURN, ACCEPTED));
        rows.add(new Transition(DISPATCHED, REPORT_IN, DISPATCHED));
        rows.add(new Transition(DISPATCHED, RECORD_PART, DISPATCHED));
        rows.add(new Transition(IN_PROGRESS, REPORT_IN, IN_PROGRESS));
        rows.add(new Transition(IN_PROGRESS, RECORD_PART, IN_PROGRESS));
        rows.add(new Transition(IN_PROGRESS, REQUEST_EXTENSION, IN_PROGRESS));
        rows.add(new Transition(IN_PROGRESS, APPROVE_EXTENSION, IN_PROGRESS));
        rows.add(new Transition(IN_PROGRESS, DENY_EXTENSION, IN_PROGRESS));
        rows.add(new Transition(IN_PROGRESS, COMPLETE, HANDLED));
        // Verification, evaluation, reopening.
        rows.add(new Transition(HANDLED, VERIFY_PASS, CLOSED));
        rows.add(new Transition(HANDLED, VERIFY_FAIL, IN_PROGRESS));
        rows.add(new Transition(CLOSED, EVALUATE, CLOSED));
        rows.add(new Transition(CLOSED, REOPEN, ACCEPTED));
        rows.add(new Transition(CLOSED, REPLY_SUPERVISION, CLOSED));
        // What can happen to any open incident without moving it: supporters, urging, supervision, deadlines.
        for (Status open : List.of(REPORTED, ACCEPTED, DISPATCHED, IN_PROGRESS, HANDLED)) {
            rows.add(new Transition(open, ADD_SUPPORTER, open));
            rows.add(new Transition(open, URGE, open));
            rows.add(new Transition(open, SUPPLEMENT, open));
            rows.add(new Transition(open, SUPERVISE, open));
            rows.add(new Transition(open, REPLY_SUPERVISION, open));
            rows.add(new Transition(open, MARK_OVERDUE, open));
            rows.add(new Transition(open, AUTO_ESCALATE, open));
            rows.add(new Transition(open, RECOUNT_DEADLINE, open));
            rows.add(new Transition(open, RECLASSIFY, open));
        }
        for (Transition row : rows) {
            Status previous = TABLE.computeIfAbsent(row.from(), s -> new EnumMap<>(Action.class))
                    .put(row.action(), row.to());
            if (previous != null) {
                throw new IllegalStateException("Transition " + row.from() + " " + row.action() + " given twice");
            }
        }
        ROWS = Collections.unmodifiableList(rows);
    }

    private Transitions() {}

    /** The status {@code action} leads to from {@code from}, or empty if the action is not allowed there. */
    public static Optional<Status> target(Status from, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    public static boolean allows(Status from, Action action) {
        return target(from, action).isPresent();
    }

    /** Every allowed transition, as a table. */
    public static List<Transition> all() {
        return ROWS;
    }
}
