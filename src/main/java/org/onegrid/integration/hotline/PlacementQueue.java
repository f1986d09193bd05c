package org.onegrid.integration.hotline;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 待定位: the city centre's queue of reports that came with an address but no place on the map, placed by a city
 * centre dispatcher (定位派发, {@code POST /api/v1/hotline/orders/{orderId}/placement}). The 12345 hotline's orders
 * without coordinates were its first; other channels of the integration module queue theirs here too, so that a
 * dispatcher has one queue to work.
 */
@Service
public class PlacementQueue {

    private final HotlineOrders orders;

    PlacementQueue(HotlineOrders orders) {
        this.orders = orders;
    }

    /**
     * A report waiting for its place.
     *
     * @param orderId unique across the queue, e.g. {@code OPEN311-} and the request's token
     * @param source the channel that queued it, e.g. {@code OPEN311}
     * @param text the incident's text as it will be reported
     * @param address what the reporter said of the place, for the dispatcher to find it
     * @param callerPhone kept encrypted while it waits, then on the incident
     */
    public record Waiting(
            String orderId,
            String source,
            String itemCode,
            String text,
            String address,
            String callerName,
            String callerPhone) {}

    /** Published in the placement's transaction once a queued report became an incident. */
    public record Placed(String orderId, String source, UUID incidentId) {}

    /**
     * Queues an Open311 request located only by an address; {@code itemCode} is null for a request that named no
     * service, whose item is suggested from its text when it is placed.
     */
    @Transactional
    public void enqueueOpen311(
            String orderId, String itemCode, String text, String address, String name, String phone) {
        orders.enqueue(new Waiting(orderId, HotlineOrders.OPEN311, itemCode, text, address, name, phone));
    }
}
