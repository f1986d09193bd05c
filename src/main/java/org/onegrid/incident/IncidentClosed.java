package org.onegrid.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An incident was closed 结案 — verified, or resolved on the spot — at a level (化解层级): the headline figure of
 * the seed cities' assessment is the share closed at grid, village and town.
 *
 * @param number the incident's number (事件编号)
 * @param closedBy {@code VERIFY_PASS} or {@code RESOLVE_ON_THE_SPOT}
 * @param resolutionLevel {@code GRID}, {@code VILLAGE}, {@code TOWN}, {@code COUNTY} or {@code CITY}
 * @param acceptTime working time spent in the accept stage, likewise {@code handleTime} and {@code verifyTime}
 */
public record IncidentClosed(
        UUID incidentId,
        String number,
        Instant at,
        String closedBy,
        String resolutionLevel,
        long ownerOrgId,
        String regionPath,
        String itemCode,
        Instant reportedAt,
        Duration acceptTime,
        Duration handleTime,
        Duration verifyTime) {}
