package org.onegrid.incident.domain;

import java.time.Instant;

/** 不予受理: the owning centre refused the incident; it is closed for good. */
public record IncidentRejected(IncidentId incidentId, Instant at, long actorId, long ownerOrgId, String reason)
        implements IncidentEvent {}
