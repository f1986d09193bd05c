package org.onegrid.incident.domain;

import java.time.Duration;
import java.time.Instant;

/** 申请延期: the department asked the owning centre for more time. */
public record IncidentExtensionRequested(
        IncidentId incidentId, Instant at, long actorId, long departmentOrgId, long ownerOrgId, Duration extra)
        implements IncidentEvent {}
