package org.onegrid.incident.domain;

import java.time.Instant;

/** 合并: this incident was a duplicate and was merged into {@code survivorId}. */
public record IncidentMerged(IncidentId incidentId, Instant at, long actorId, IncidentId survivorId)
        implements IncidentEvent {}
