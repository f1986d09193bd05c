package org.onegrid.integration.hotline;

import java.time.Instant;
import java.util.UUID;

/**
 * A hotline work order as we hold it.
 *
 * @param source {@code HOTLINE} (a 12345 work order) or {@code OPEN311} (an Open311 request with an address only,
 *     whose order id is {@code OPEN311-} and its token)
 * @param state {@code PLACED} (it is an incident) or {@code AWAITING_PLACEMENT} (no location came with it: a city
 *     centre dispatcher places it on a grid, which reports the incident)
 * @param callerPhone masked ({@code 138****1234}); only while awaiting placement, the incident keeps it afterwards
 * @param timeLimit the hotline's own time limit (办理时限), as given
 */
record HotlineOrderView(
        String orderId,
        String source,
        String state,
        UUID incidentId,
        String category,
        String itemCode,
        String text,
        String address,
        Double longitude,
        Double latitude,
        String gridCode,
        String callerName,
        String callerPhone,
        Instant timeLimit,
        Instant receivedAt,
        Instant placedAt) {}
