package org.onegrid.incident.domain;

import java.time.Instant;

/** 办结反馈: the lead department reported the work done; it waits for verification. */
public record IncidentCompleted(
        IncidentId incidentId, Instant at, long actorId, long departmentOrgId, Instant verifyDeadline)
        implements IncidentEvent {}
