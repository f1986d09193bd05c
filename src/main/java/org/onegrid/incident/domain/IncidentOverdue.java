package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;

/** 超期: the deadline of the current stage passed; recorded once per stage. */
public record IncidentOverdue(
        IncidentId incidentId,
        Instant at,
        long actorId,
        Stage stage,
        Instant deadline,
        long ownerOrgId,
        List<Long> departmentOrgIds)
        implements IncidentEvent {}
