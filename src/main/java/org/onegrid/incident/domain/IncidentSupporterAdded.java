package org.onegrid.incident.domain;

import java.time.Instant;

/** 附议: a duplicate was merged into this incident, which now counts {@code supporters}. */
public record IncidentSupporterAdded(
        IncidentId incidentId, Instant at, long actorId, IncidentId duplicateId, int supporters)
        implements IncidentEvent {}
