package org.onegrid.incident.domain;

import java.time.Instant;

/** 下派: the owning centre handed the incident down to a lower centre, which now owns it. */
public record IncidentDispatchedDown(
        IncidentId incidentId,
        Instant at,
        long actorId,
        long fromOrgId,
        long toOrgId,
        Level toLevel,
        Instant acceptDeadline)
        implements IncidentEvent {}
