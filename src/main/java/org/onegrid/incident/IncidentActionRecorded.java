package org.onegrid.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Published for every entry appended to an incident's history (全程留痕), after the action was saved: for modules that
 * count what happened (points, assessment, dashboard) without reading the incident's tables.
 *
 * @param number the incident's number (事件编号), e.g. {@code DY-20261203-0042}
 * @param action the action's name, e.g. {@code DISPATCH}, {@code VERIFY_FAIL}, {@code MARK_OVERDUE}
 * @param fromStatus null for the report
 * @param actorId 0 for the system
 * @param orgId the organisation acted for, 0 for residents and the system
 * @param ownerOrgId the centre owning the incident after the action
 * @param regionPath the incident's village path, for scoping by region
 */
public record IncidentActionRecorded(
        UUID incidentId,
        String number,
        long sequence,
        String action,
        String fromStatus,
        String toStatus,
        Instant at,
        long actorId,
        long orgId,
        long ownerOrgId,
        String regionPath,
        String gridCode,
        String itemCode,
        String channel) {}
