package org.onegrid.incident.domain;

import java.time.Instant;

/** 退回: the department sent misrouted work back to the owning centre. */
public record IncidentReturned(
        IncidentId incidentId,
        Instant at,
        long actorId,
        long departmentOrgId,
        long ownerOrgId,
        String reason,
        int returns)
        implements IncidentEvent {}
