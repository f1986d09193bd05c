package org.onegrid.dispute.domain;

import java.time.Instant;

/**
 * One mediation session 调解: when, where, who attended, the minutes (调解笔录).
 *
 * @param number 1 for the first session of the case
 */
public record Session(
        int number,
        Instant heldAt,
        String place,
        String attendees,
        String minutes,
        long mediatorId,
        String mediatorName) {}
