package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.List;

/** 催办: a centre or a leader urged those working on the incident. */
public record IncidentUrged(
        IncidentId incidentId, Instant at, long actorId, long byOrgId, long ownerOrgId, List<Long> departmentOrgIds)
        implements IncidentEvent {}
