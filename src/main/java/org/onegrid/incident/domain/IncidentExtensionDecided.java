package org.onegrid.incident.domain;

import java.time.Instant;

/** 延期审批: the owning centre approved or denied the requested extension. */
public record IncidentExtensionDecided(
        IncidentId incidentId, Instant at, long actorId, boolean approved, Instant handleDeadline)
        implements IncidentEvent {}
