package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;

/** 核查不通过: the work was not done; it goes back to the department as rework (返工). */
public record IncidentVerificationFailed(
        IncidentId incidentId,
        Instant at,
        long actorId,
        List<Long> departmentOrgIds,
        int reworks,
        Instant handleDeadline)
        implements IncidentEvent {}
