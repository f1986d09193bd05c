package org.onegrid.patrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.onegrid.patrol.domain.Outcome;

/**
 * A recorded visit.
 *
 * @param number 走访编号, to quote
 * @param far flagged 位置偏远: recorded farther from the door than the city allows without a flag
 * @param tooShort flagged 时间过短
 * @param incidentId the problem found, as an incident of the loop
 * @param changeRequestId the change found, waiting for the village centre
 * @param revisitBy after 无人在家: the day by which to come back
 */
public record VisitView(
        UUID id,
        long number,
        long householdId,
        String gridCode,
        Outcome outcome,
        String outcomeLabel,
        String visitorName,
        Instant startedAt,
        Instant endedAt,
        LocalDate visitedOn,
        int distanceMetres,
        boolean far,
        boolean tooShort,
        int personsVerified,
        String notes,
        UUID incidentId,
        Long changeRequestId,
        LocalDate revisitBy) {}
