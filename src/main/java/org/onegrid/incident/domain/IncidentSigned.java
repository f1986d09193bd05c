package org.onegrid.incident.domain;

import java.time.Instant;

/** 签收: the lead department signed for the work. */
public record IncidentSigned(IncidentId incidentId, Instant at, long actorId, long departmentOrgId)
        implements IncidentEvent {}
