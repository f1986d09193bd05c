package org.onegrid.incident.domain;

import java.time.Instant;

/** 督办回复: supervision order {@code orderNumber} was answered. */
public record SupervisionReplied(
        IncidentId incidentId, Instant at, long actorId, int orderNumber, long byOrgId, long issuerOrgId)
        implements IncidentEvent {}
