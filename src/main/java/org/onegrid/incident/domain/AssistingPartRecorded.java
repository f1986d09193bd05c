package org.onegrid.incident.domain;

import java.time.Instant;

/** 协办反馈: an assisting department of a joint task recorded its part. */
public record AssistingPartRecorded(IncidentId incidentId, Instant at, long actorId, long departmentOrgId)
        implements IncidentEvent {}
