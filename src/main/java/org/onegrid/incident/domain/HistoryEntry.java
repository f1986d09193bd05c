package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.onegrid.casework.ChainedEntry;
import org.onegrid.casework.HistoryChain;

/**
 * One entry of an incident's append-only history (全程留痕): who did what when, from which status to which, with
 * which comment and attachments, chained to the entry before by {@code previousHash} and sealed by {@code hash}
 * (see {@link HistoryChain}).
 *
 * @param sequence 1 for the report, then 2, 3, … without gaps
 * @param actorId the acting user, 0 for the system
 * @param orgId the organisation acted for, 0 for residents and the system
 * @param fromStatus the status before; null for the report, which creates the incident
 * @param toStatus the status after; the same as before for actions that do not move the incident
 * @param comment what the actor wrote: a reason, a result, an instruction; empty if nothing
 * @param detail what the action decided, written by the platform as {@code key=value} pairs (the department
 *     dispatched to, a new deadline, …); empty if nothing
 * @param previousHash the hash of the entry before, or {@link HistoryChain#GENESIS} for the first
 * @param hash SHA-256 over {@code previousHash} and this entry's fields, lowercase hex
 */
public record HistoryEntry(
        IncidentId incidentId,
        long sequence,
        Instant at,
        long actorId,
        String actorName,
        Role role,
        long orgId,
        Status fromStatus,
        Status toStatus,
        Action action,
        String comment,
        String detail,
        List<String> attachmentIds,
        String previousHash,
        String hash)
        implements ChainedEntry {

    public HistoryEntry {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(action, "action");
        comment = comment == null ? "" : comment;
        detail = detail == null ? "" : detail;
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String chainId() {
        return incidentId.toString();
    }

    @Override
    public String roleName() {
        return role.name();
    }

    @Override
    public String fromStatusName() {
        return fromStatus == null ? null : fromStatus.name();
    }

    @Override
    public String toStatusName() {
        return toStatus.name();
    }

    @Override
    public String actionName() {
        return action.name();
    }

    /** The next entry after {@code previous} (null for the first), hashed. */
    static HistoryEntry next(
            IncidentId incidentId,
            HistoryEntry previous,
            Act act,
            Action action,
            Status from,
            Status to,
            String detail) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? HistoryChain.GENESIS : previous.hash();
        Actor actor = act.actor();
        HistoryEntry unsealed = new HistoryEntry(
                incidentId,
                sequence,
                act.at(),
                actor.userId(),
                actor.name(),
                actor.role(),
                actor.orgId(),
                from,
                to,
                action,
                act.comment(),
                detail,
                act.attachmentIds(),
                previousHash,
                "");
        return unsealed.withHash(HistoryChain.hashOf(unsealed));
    }

    /** A copy with another hash; for storage code and tests, which may need to build entries as found. */
    public HistoryEntry withHash(String newHash) {
        return new HistoryEntry(
                incidentId,
                sequence,
                at,
                actorId,
                actorName,
                role,
                orgId,
                fromStatus,
                toStatus,
                action,
                comment,
                detail,
                attachmentIds,
                previousHash,
                newHash);
    }
}
