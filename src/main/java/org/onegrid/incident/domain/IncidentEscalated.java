package org.onegrid.incident.domain;

import java.time.Instant;

/** 上报: the incident went up to a higher centre, by hand or automatically when a deadline passed. */
public record IncidentEscalated(
        IncidentId incidentId, Instant at, long actorId, long fromOrgId, long toOrgId, Level toLevel, boolean automatic)
        implements IncidentEvent {}
