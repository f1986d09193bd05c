package org.onegrid.incident.domain;

import java.time.Instant;

/** 报到: an assisting department of a joint task (吹哨报到) reported in. */
public record AssistingDepartmentReportedIn(IncidentId incidentId, Instant at, long actorId, long departmentOrgId)
        implements IncidentEvent {}
