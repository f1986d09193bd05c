package org.onegrid.incident.domain;

import java.time.Instant;

/**
 * A past-tense event (领域事件) that an accepted action registered on an {@link Incident}; callers drain them with
 * {@link Incident#pullEvents()} and publish them. Exactly one per history entry.
 */
public sealed interface IncidentEvent
        permits IncidentReported,
                IncidentAccepted,
                IncidentRejected,
                IncidentMerged,
                IncidentSupporterAdded,
                IncidentDispatched,
                IncidentDispatchedDown,
                IncidentSigned,
                IncidentReturned,
                IncidentExtensionRequested,
                IncidentExtensionDecided,
                AssistingDepartmentReportedIn,
                AssistingPartRecorded,
                IncidentCompleted,
                IncidentClosed,
                IncidentVerificationFailed,
                IncidentEscalated,
                IncidentEvaluated,
                IncidentReopened,
                IncidentUrged,
                IncidentSupplemented,
                IncidentSupervised,
                IncidentDeadlineRecounted,
                IncidentReclassified,
                SupervisionReplied,
                IncidentOverdue,
                IncidentHandedOver {

    IncidentId incidentId();

    /** When the action happened; the same instant as its history entry. */
    Instant at();

    /** The acting user; 0 for the system. */
    long actorId();
}
