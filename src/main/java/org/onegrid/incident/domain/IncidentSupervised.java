package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;

/** 督办: a higher centre or a leader issued supervision order {@code orderNumber}. */
public record IncidentSupervised(
        IncidentId incidentId,
        Instant at,
        long actorId,
        int orderNumber,
        long byOrgId,
        long ownerOrgId,
        List<Long> departmentOrgIds,
        Instant deadline)
        implements IncidentEvent {}
