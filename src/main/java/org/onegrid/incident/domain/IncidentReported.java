package org.onegrid.incident.domain;

import java.time.Instant;

/** 事件登记: a new incident came in and waits for its owning centre to accept it. */
public record IncidentReported(
        IncidentId incidentId,
        Instant at,
        long actorId,
        Channel channel,
        String itemCode,
        String regionPath,
        String gridCode,
        long ownerOrgId,
        Instant acceptDeadline)
        implements IncidentEvent {}
