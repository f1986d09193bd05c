package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.onegrid.casework.Satisfaction;

/**
 * Everything an {@link Incident} holds apart from its history, as plain values, for storage: {@link
 * Incident#snapshot()} gives it, {@link Incident#restore} takes it back. Nullable fields are null where the
 * incident has no such thing (yet).
 *
 * @param version the optimistic version: 1 after the report, +1 per accepted action, always equal to the number
 *     of history entries, so storage can write {@code ... WHERE id = ? AND version = ?}
 * @param handling null unless dispatched to departments
 * @param stage the running stage, null when closed, rejected or merged
 * @param pendingExtension null unless a request waits for a decision
 * @param mergedInto null unless merged
 * @param result the latest handling result (办结/处置结果), null before
 * @param satisfaction the reporter's rating since the incident was last closed, null before
 * @param resolutionLevel null unless closed
 * @param closedAt null unless closed
 * @param typeUnconfirmed 类型待确认: the item was suggested from the text, not chosen by the reporter, and the owning
 *     centre has not yet confirmed or changed it
 */
public record IncidentSnapshot(
        IncidentId id,
        long version,
        Status status,
        Intake intake,
        CatalogTerms terms,
        Instant reportedAt,
        Centre owner,
        Handling handling,
        StageWindow stage,
        ExtensionRequest pendingExtension,
        Tally tally,
        IncidentId mergedInto,
        String result,
        Satisfaction satisfaction,
        Level resolutionLevel,
        Instant closedAt,
        StageTimes stageTimes,
        List<SupervisionOrder> supervisions,
        boolean typeUnconfirmed) {

    public IncidentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(stageTimes, "stageTimes");
        supervisions = supervisions == null ? List.of() : List.copyOf(supervisions);
    }
}
