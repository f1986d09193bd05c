package org.onegrid.incident.domain;

import java.time.Instant;

/** 转矛盾纠纷调解: the owning centre handed the incident to a mediation case. */
public record IncidentHandedOver(IncidentId incidentId, Instant at, long actorId, long ownerOrgId)
        implements IncidentEvent {}
