package org.onegrid.integration.hotline;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.integration.delivery.DeliveryView;
import org.onegrid.integration.delivery.Outbox;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 12345 hotline bridge: the signed webhook the hotline pushes its work orders to, the city centre's queue of
 * orders without a location, the category mapping, and the reconciliation of callbacks that did not get through.
 */
@RestController
@RequestMapping("/api/v1/hotline")
class HotlineApi {

    private final HotlineOrders orders;
    private final HotlineCategories categories;
    private final HotlineSettings settings;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    HotlineApi(
            HotlineOrders orders,
            HotlineCategories categories,
            HotlineSettings settings,
            Outbox outbox,
            JsonMapper json) {
        this.orders = orders;
        this.categories = categories;
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * The webhook (工单推送): a work order, signed by the hotline ({@code X-Hotline-Timestamp}, {@code
     * X-Hotline-Signature}). 201 with the order when this push created it, 200 when it repeats an earlier push.
     */
    @PostMapping("/orders")
    ResponseEntity<HotlineOrderView> push(
            @RequestHeader(name = HotlineSignature.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = HotlineSignature.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        HotlineSignature.verify(settings.secret(), timestamp, signature, bytes, clock.instant(), settings.window());
        OrderPush push;
        try {
            push = json.readerFor(OrderPush.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(bytes);
        } catch (JacksonException e) {
            throw Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-input",
                    "The order is no readable JSON work order: " + e.getOriginalMessage(),
                    Map.of());
        }
        if (push == null) {
            throw Problems.invalid("orderId", "The order is empty");
        }
        HotlineOrders.Received received = orders.receive(push);
        HotlineOrderView order = received.order();
        return received.created()
                ? ResponseEntity.created(URI.create("/api/v1/hotline/orders/" + order.orderId()))
                        .body(order)
                : ResponseEntity.ok(order);
    }

    /** The city centre's queue: orders that came without a location, oldest first. */
    @GetMapping("/orders")
    List<HotlineOrderView> awaiting(
            @RequestParam(defaultValue = HotlineOrders.AWAITING) String state,
            @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal StaffPrincipal me) {
        if (!HotlineOrders.AWAITING.equals(state)) {
            throw Problems.invalid("state", "state must be " + HotlineOrders.AWAITING);
        }
        if (limit < 1 || limit > 500) {
            throw Problems.invalid("limit", "limit must be between 1 and 500");
        }
        return orders.awaitingPlacement(me, limit);
    }

    /** An order with its callbacks to the hotline, in the order they leave. */
    @GetMapping("/orders/{orderId}")
    OrderWithCallbacks order(@PathVariable String orderId, @AuthenticationPrincipal StaffPrincipal me) {
        HotlineOrderView order =
                orders.find(orderId, me).orElseThrow(() -> Problems.notFound("hotline order", orderId));
        return new OrderWithCallbacks(
                order,
                outbox.ofSubject(HotlineCallbacks.RECEIVER, orderId).stream()
                        .map(d -> Callback.of(d, json))
                        .toList());
    }

    /** An order and what we told the hotline about it. */
    record OrderWithCallbacks(HotlineOrderView order, List<Callback> callbacks) {}

    /** One callback and how its delivery stands. */
    record Callback(
            UUID eventId,
            String status,
            String state,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {

        static Callback of(DeliveryView d, JsonMapper json) {
            String status = json.readTree(d.payload()).path("status").asString();
            return new Callback(
                    d.eventId(),
                    status,
                    d.state(),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.createdAt(),
                    d.state().equals("DELIVERED") ? null : d.nextAttemptAt(),
                    d.deliveredAt());
        }
    }

    /** Where a dispatcher places an order: a grid, or coordinates. */
    record Placement(String gridCode, Double longitude, Double latitude) {}

    /** 定位派发: reports the incident of an order that waited for a location. */
    @PostMapping("/orders/{orderId}/placement")
    HotlineOrderView place(
            @PathVariable String orderId,
            @RequestBody Placement placement,
            @AuthenticationPrincipal StaffPrincipal me) {
        return orders.place(orderId, placement.gridCode(), placement.longitude(), placement.latitude(), me);
    }

    /** A line of the reconciliation: an order whose latest callback failed, and how. */
    record Unreconciled(
            String orderId,
            UUID incidentId,
            String status,
            UUID eventId,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            Instant timeLimit) {}

    /** 对账: the orders whose latest callback to the hotline failed (it is retried; this is what the hotline lacks). */
    @GetMapping("/reconciliation")
    @PreAuthorize("hasRole('ADMIN')")
    List<Unreconciled> reconciliation(@RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 5000) {
            throw Problems.invalid("limit", "limit must be between 1 and 5000");
        }
        List<DeliveryView> failed = outbox.failedSubjects(HotlineCallbacks.RECEIVER, limit);
        Map<String, HotlineOrderView> byId =
                orders.byIds(failed.stream().map(DeliveryView::subject).toList());
        return failed.stream()
                .map(d -> {
                    HotlineOrderView order = byId.get(d.subject());
                    return new Unreconciled(
                            d.subject(),
                            order == null ? null : order.incidentId(),
                            Callback.of(d, json).status(),
                            d.eventId(),
                            d.attempts(),
                            d.lastStatus(),
                            d.lastError(),
                            d.lastAttemptAt(),
                            d.nextAttemptAt(),
                            order == null ? null : order.timeLimit());
                })
                .toList();
    }

    /** The category mapping (热线分类 → 事项). */
    @GetMapping("/categories")
    List<HotlineCategories.Mapping> categories() {
        return categories.all();
    }

    /** What an administrator sets for a category. */
    record CategoryMapping(String name, String itemCode) {}

    /** Maps a hotline category to a catalog item, creating or changing it. */
    @PutMapping("/categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    HotlineCategories.Mapping putCategory(
            @PathVariable String code,
            @RequestBody CategoryMapping mapping,
            @AuthenticationPrincipal StaffPrincipal me) {
        return categories.put(code, mapping.name(), mapping.itemCode(), me.username());
    }

    /** Removes a category: orders of it are refused (422) from then on. */
    @DeleteMapping("/categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> deleteCategory(@PathVariable String code) {
        if (!categories.remove(code)) {
            throw Problems.notFound("hotline category", code);
        }
        return ResponseEntity.noContent().build();
    }
}
