package org.onegrid.incident.domain;

import java.time.Instant;

/**
 * 期限重算: the running stage's deadline was counted again on a changed working-time calendar (an official holiday
 * arrangement replaced the provisional one), keeping the working time the stage was given.
 */
public record IncidentDeadlineRecounted(
        IncidentId incidentId, Instant at, long actorId, Stage stage, Instant previousDeadline, Instant deadline)
        implements IncidentEvent {}
