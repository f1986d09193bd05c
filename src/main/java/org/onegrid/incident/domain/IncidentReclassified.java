package org.onegrid.incident.domain;

import java.time.Instant;

/**
 * 核定事项类型: the owning centre confirmed the item ({@code fromItemCode} equals {@code toItemCode}) or changed it.
 *
 * @param text the incident's description, which the item was judged by
 */
public record IncidentReclassified(
        IncidentId incidentId,
        Instant at,
        long actorId,
        long ownerOrgId,
        String fromItemCode,
        String toItemCode,
        String text)
        implements IncidentEvent {}
