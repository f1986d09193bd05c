package org.onegrid.incident.domain;

import java.time.Instant;

/** 重办: after an unsatisfied evaluation the owning centre took the incident up again. */
public record IncidentReopened(IncidentId incidentId, Instant at, long actorId, long ownerOrgId, int reopens)
        implements IncidentEvent {}
