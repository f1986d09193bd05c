package org.onegrid.incident.domain;

import java.time.Instant;

/** 补充说明: the reporter added to an open report; the owning centre is told. */
public record IncidentSupplemented(IncidentId incidentId, Instant at, long actorId, long ownerOrgId)
        implements IncidentEvent {}
