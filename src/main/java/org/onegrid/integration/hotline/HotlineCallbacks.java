package org.onegrid.integration.hotline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.onegrid.incident.HistoryView;
import org.onegrid.incident.IncidentActionRecorded;
import org.onegrid.incident.IncidentApi;
import org.onegrid.integration.delivery.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the hotline what became of its orders (回访 / 办理进度回传): every status change the hotline follows is queued
 * in the outbox in the transaction of the action itself, so a callback exists exactly when the change does, and
 * leaves in the order the actions happened.
 *
 * <table>
 *   <caption>Which actions the hotline hears of</caption>
 *   <tr><th>action</th><th>hotline status</th></tr>
 *   <tr><td>ACCEPT 受理</td><td>ACCEPTED</td></tr>
 *   <tr><td>DISPATCH 派遣</td><td>DISPATCHED</td></tr>
 *   <tr><td>COMPLETE 办结反馈</td><td>HANDLED</td></tr>
 *   <tr><td>VERIFY_PASS 核查通过, RESOLVE_ON_THE_SPOT 自行处置</td><td>CLOSED</td></tr>
 *   <tr><td>REJECT 不予受理</td><td>RETURNED (退回热线)</td></tr>
 * </table>
 */
@Component
class HotlineCallbacks {

    static final String RECEIVER = "hotline";
    static final String KIND = "HOTLINE_STATUS";

    private final HotlineOrders orders;
    private final IncidentApi incidents;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    HotlineCallbacks(HotlineOrders orders, IncidentApi incidents, Outbox outbox, JsonMapper json) {
        this.orders = orders;
        this.incidents = incidents;
        this.outbox = outbox;
        this.json = json;
    }

    /** The hotline's status for an action, or null if the hotline does not follow it. */
    static String statusOf(String action) {
        return switch (action) {
            case "ACCEPT" -> "ACCEPTED";
            case "DISPATCH" -> "DISPATCHED";
            case "COMPLETE" -> "HANDLED";
            case "VERIFY_PASS", "RESOLVE_ON_THE_SPOT" -> "CLOSED";
            case "REJECT" -> "RETURNED";
            default -> null;
        };
    }

    /** The stable id of the callback for one history entry: the same however often it is announced. */
    static UUID eventId(UUID incidentId, long sequence) {
        return UUID.nameUUIDFromBytes(("hotline:" + incidentId + ":" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    @EventListener
    void on(IncidentActionRecorded recorded) {
        if (!"HOTLINE".equals(recorded.channel())) {
            return;
        }
        String status = statusOf(recorded.action());
        if (status == null) {
            return;
        }
        orders.ofIncident(recorded.incidentId()).ifPresent(order -> {
            UUID eventId = eventId(recorded.incidentId(), recorded.sequence());
            HistoryView.Entry entry = incidents
                    .historyEntry(recorded.incidentId(), recorded.sequence())
                    .orElse(null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", eventId);
            body.put("orderId", order.orderId());
            body.put("incidentId", recorded.incidentId());
            body.put("number", recorded.number());
            body.put("status", status);
            body.put("action", recorded.action());
            body.put("at", recorded.at());
            body.put("comment", entry == null ? "" : entry.comment());
            body.put("by", entry == null ? null : entry.actorName());
            body.put("timeLimit", order.timeLimit());
            Instant now = clock.instant();
            outbox.add(
                    RECEIVER, eventId, KIND, order.orderId(), recorded.sequence(), json.writeValueAsString(body), now);
        });
    }
}
