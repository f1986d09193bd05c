package org.onegrid.patrol;

import java.time.LocalDate;
import java.util.UUID;
import org.onegrid.patrol.domain.Outcome;

/** A visit was recorded (入户走访已登记): campaigns and points count it. */
public record VisitRecorded(
        UUID visitId,
        long householdId,
        String gridCode,
        String regionPath,
        Outcome outcome,
        LocalDate visitedOn,
        int personsVerified,
        long visitorId) {}
