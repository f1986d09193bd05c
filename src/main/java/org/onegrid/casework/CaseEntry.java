package org.onegrid.casework;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored entry of a case's append-only history (全程留痕) — a dispute's, a hazard's, a task's — chained to the
 * entry before by {@code previousHash} and sealed by {@code hash} exactly as an incident's entries are (see
 * {@link HistoryChain}).
 *
 * @param kind the kind of case, as its module names it ({@code dispute}, {@code hazard}, …)
 * @param sequence 1 for the step that created the case, then 2, 3, … without gaps
 */
public record CaseEntry(
        String kind,
        UUID caseId,
        long sequence,
        Instant at,
        long actorId,
        String actorName,
        String role,
        long orgId,
        String fromStatus,
        String toStatus,
        String action,
        String comment,
        String detail,
        List<String> attachmentIds,
        String previousHash,
        String hash)
        implements ChainedEntry {

    public CaseEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
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

    /** The entry that follows {@code previous} (null for the first) with this step, sealed. */
    public static CaseEntry next(String kind, UUID caseId, CaseEntry previous, CaseStep step) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? HistoryChain.GENESIS : previous.hash();
        CaseEntry unsealed = new CaseEntry(
                kind,
                caseId,
                sequence,
                step.at(),
                step.actorId(),
                step.actorName(),
                step.role(),
                step.orgId(),
                step.fromStatus(),
                step.toStatus(),
                step.action(),
                step.comment(),
                step.detail(),
                step.attachmentIds(),
                previousHash,
                "");
        return unsealed.withHash(HistoryChain.hashOf(unsealed));
    }

    /** A copy with another hash; for storage code and tests, which may need to build entries as found. */
    public CaseEntry withHash(String newHash) {
        return new CaseEntry(
                kind,
                caseId,
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

    @Override
    public String chainId() {
        return caseId.toString();
    }

    @Override
    public String roleName() {
        return role;
    }

    @Override
    public String fromStatusName() {
        return fromStatus;
    }

    @Override
    public String toStatusName() {
        return toStatus;
    }

    @Override
    public String actionName() {
        return action;
    }
}
