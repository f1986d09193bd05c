package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;

/** 派遣: the owning centre handed the incident to departments (单派, 双派单 or 吹哨报到). */
public record IncidentDispatched(
        IncidentId incidentId,
        Instant at,
        long actorId,
        DispatchMode mode,
        long leadOrgId,
        List<Long> assistingOrgIds,
        Long supervisorUserId,
        Instant handleDeadline)
        implements IncidentEvent {}
