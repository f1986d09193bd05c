package org.onegrid.incident.domain;

import java.time.Instant;

/** 受理 (立案): the owning centre accepted the incident. */
public record IncidentAccepted(IncidentId incidentId, Instant at, long actorId, long ownerOrgId)
        implements IncidentEvent {}
