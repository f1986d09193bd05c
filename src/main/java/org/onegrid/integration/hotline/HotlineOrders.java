package org.onegrid.integration.hotline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.shared.web.TextRules;
import org.onegrid.shared.web.TextRules.Kind;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotline's work orders: a pushed order becomes a {@code HOTLINE} incident, once per order id; an order without
 * a location (no coordinates, no grid) waits in the city centre's queue until a dispatcher places it on a grid.
 *
 * <p>The hotline's time limit (办理时限) is kept with the order and written into the incident's description, where the
 * dispatchers see it; the incident's own deadlines stay those of its catalog item (the stage limits of the 事项清单,
 * in working time), because they are what the city is assessed by. Each callback carries the hotline's limit back.
 */
@Service
class HotlineOrders {

    static final String AWAITING = "AWAITING_PLACEMENT";
    static final String PLACED = "PLACED";
    /** A work order of the 12345 hotline. */
    static final String HOTLINE = "HOTLINE";
    /** An Open311 service request located only by an address (see {@link PlacementQueue}). */
    static final String OPEN311 = "OPEN311";

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CityTime.ZONE);
    private static final int MAX_TEXT = 3800;

    private final JdbcClient jdbc;
    private final HotlineCategories categories;
    private final IncidentApi incidents;
    private final CallerCipher cipher;
    private final Regions regions;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    HotlineOrders(
            JdbcClient jdbc,
            HotlineCategories categories,
            IncidentApi incidents,
            CallerCipher cipher,
            Regions regions,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.categories = categories;
        this.incidents = incidents;
        this.cipher = cipher;
        this.regions = regions;
        this.json = json;
    }

    /** What a push did: the order, and whether this push created it (false: it repeated an earlier push). */
    record Received(HotlineOrderView order, boolean created) {}

    /**
     * Takes a pushed order in: the incident is reported (or the order queued for placement) in this transaction,
     * together with the order's row, so either both exist or neither.
     *
     * @throws org.springframework.web.ErrorResponseException 400 for a malformed order, 422 for an unknown category
     *     or a place outside the city, 409 for an order id pushed before with other content
     */
    @Transactional
    Received receive(OrderPush push) {
        validate(push);
        String fingerprint = fingerprint(push);
        Optional<Row> earlier = lock(push.orderId());
        if (earlier.isPresent()) {
            return new Received(repeated(earlier.get(), fingerprint), false);
        }
        // a category without a mapping is no reason to refuse a caller's problem: its incident's item is suggested
        // from the text (智能分拨) and marked 类型待确认 for the owning centre
        String itemCode = categories
                .find(push.category().strip())
                .map(HotlineCategories.Mapping::itemCode)
                .orElse(null);
        Instant now = clock.instant();
        boolean inserted = jdbc.sql("""
                INSERT INTO hotline_order (order_id, fingerprint, category_code, item_code, text, address, longitude,
                                           latitude, grid_code, time_limit, received_at)
                VALUES (:orderId, :fingerprint, :category, :item, :text, :address, :lng, :lat, :grid, :limit, :now)
                ON CONFLICT (order_id) DO NOTHING
                """)
                        .param("orderId", push.orderId())
                        .param("fingerprint", fingerprint)
                        .param("category", push.category().strip())
                        .param("item", itemCode)
                        .param("text", push.text().strip())
                        .param("address", blankToNull(push.address()))
                        .param("lng", push.longitude())
                        .param("lat", push.latitude())
                        .param("grid", blankToNull(push.gridCode()))
                        .param(
                                "limit",
                                push.timeLimit() == null
                                        ? null
                                        : Timestamp.from(push.timeLimit().toInstant()))
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
        if (!inserted) {
            // pushed at the same moment by another request, which won
            return new Received(repeated(lock(push.orderId()).orElseThrow(), fingerprint), false);
        }
        Row row = lock(push.orderId()).orElseThrow();
        if (push.located()) {
            UUID incident = incidents
                    .reportForHotline(report(row, push.callerName(), push.callerPhone()))
                    .incident()
                    .id();
            markPlaced(row.orderId(), incident, null, now);
        } else {
            jdbc.sql("UPDATE hotline_order SET caller_name = :name, caller_phone = :phone WHERE order_id = :id")
                    .param("id", row.orderId())
                    .param("name", blankToNull(push.callerName()))
                    .param("phone", cipher.encrypt(blankToNull(push.callerPhone())))
                    .update();
        }
        return new Received(view(lock(push.orderId()).orElseThrow()), true);
    }

    /**
     * 定位派发: a dispatcher of a city centre places an order that came without a location on a grid (or at
     * coordinates), which reports its incident; the dispatcher is the one who reported it, on the caller's behalf.
     */
    @Transactional
    HotlineOrderView place(String orderId, String gridCode, Double longitude, Double latitude, StaffPrincipal me) {
        requireCityDispatcher(me);
        Row row = lock(orderId).orElseThrow(() -> Problems.notFound("hotline order", orderId));
        if (row.incidentId() != null) {
            throw Problems.of(
                    HttpStatus.CONFLICT,
                    "already-placed",
                    "Hotline order " + orderId + " is already incident " + row.incidentId(),
                    Map.of("incidentId", row.incidentId()));
        }
        if (longitude == null && latitude == null && (gridCode == null || gridCode.isBlank())) {
            throw Problems.invalid("gridCode", "a placement names a grid (gridCode) or coordinates");
        }
        if (OPEN311.equals(row.source())) {
            return placeRelayed(row, gridCode, longitude, latitude, me);
        }
        Row placed = new Row(
                row.orderId(),
                row.source(),
                row.fingerprint(),
                row.category(),
                row.itemCode(),
                row.text(),
                row.address() == null ? "12345工单 " + row.orderId() : row.address(),
                longitude,
                latitude,
                gridCode,
                row.callerName(),
                row.callerPhone(),
                row.timeLimit(),
                row.receivedAt(),
                null,
                null);
        ReportIncident command = report(placed, row.callerName(), cipher.decrypt(row.callerPhone()));
        UUID incident = incidents
                .report(
                        new ReportIncident(
                                command.itemCode(),
                                command.text(),
                                "HOTLINE",
                                longitude,
                                latitude,
                                command.address(),
                                blankToNull(gridCode),
                                command.reporterName(),
                                command.reporterPhone(),
                                List.of()),
                        null,
                        me)
                .incident()
                .id();
        jdbc.sql("""
                UPDATE hotline_order SET longitude = :lng, latitude = :lat, grid_code = :grid
                 WHERE order_id = :id
                """)
                .param("id", orderId)
                .param("lng", longitude)
                .param("lat", latitude)
                .param("grid", blankToNull(gridCode))
                .update();
        markPlaced(orderId, incident, me.userId(), clock.instant());
        return view(lock(orderId).orElseThrow());
    }

    /**
     * Places an Open311 request that came with an address only: it becomes the resident's report it would have been
     * with coordinates (channel {@code CITIZEN}, the resident without an account, a tracking code), at the place the
     * dispatcher chose; the Open311 side learns its incident through {@link PlacementQueue.Placed}.
     */
    private HotlineOrderView placeRelayed(
            Row row, String gridCode, Double longitude, Double latitude, StaffPrincipal me) {
        UUID incident = incidents
                .reportRelayed(
                        new ReportIncident(
                                row.itemCode(),
                                row.text(),
                                "CITIZEN",
                                longitude,
                                latitude,
                                row.address(),
                                blankToNull(gridCode),
                                row.callerName(),
                                cipher.decrypt(row.callerPhone()),
                                List.of()),
                        "placement",
                        row.orderId())
                .incident()
                .id();
        jdbc.sql("UPDATE hotline_order SET longitude = :lng, latitude = :lat, grid_code = :grid WHERE order_id = :id")
                .param("id", row.orderId())
                .param("lng", longitude)
                .param("lat", latitude)
                .param("grid", blankToNull(gridCode))
                .update();
        markPlaced(row.orderId(), incident, me.userId(), clock.instant());
        events.publishEvent(new PlacementQueue.Placed(row.orderId(), row.source(), incident));
        return view(lock(row.orderId()).orElseThrow());
    }

    /**
     * Queues a report that has an address but no place on the map, from another channel than the hotline (an Open311
     * request with only {@code address_string} or {@code address_id}), for the city centre's dispatchers to place.
     */
    void enqueue(PlacementQueue.Waiting waiting) {
        jdbc.sql("""
                INSERT INTO hotline_order (order_id, source, fingerprint, category_code, item_code, text, address,
                                           caller_name, caller_phone, received_at)
                VALUES (:orderId, :source, :fingerprint, :category, :item, :text, :address, :name, :phone, :now)
                """)
                .param("orderId", waiting.orderId())
                .param("source", waiting.source())
                .param("fingerprint", waiting.orderId())
                .param("category", waiting.itemCode())
                .param("item", waiting.itemCode())
                .param("text", waiting.text())
                .param("address", waiting.address())
                .param("name", blankToNull(waiting.callerName()))
                .param("phone", cipher.encrypt(blankToNull(waiting.callerPhone())))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The orders waiting for placement, oldest first: the city centre's queue. */
    @Transactional(readOnly = true)
    List<HotlineOrderView> awaitingPlacement(StaffPrincipal me, int limit) {
        requireCityDispatcher(me);
        return jdbc
                .sql("SELECT * FROM hotline_order WHERE incident_id IS NULL ORDER BY received_at LIMIT :limit")
                .param("limit", limit)
                .query(HotlineOrders::row)
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    /** An order, for the city centre's dispatchers and administrators. */
    @Transactional(readOnly = true)
    Optional<HotlineOrderView> find(String orderId, StaffPrincipal me) {
        if (!me.hasRole(Role.ADMIN)) {
            requireCityDispatcher(me);
        }
        return jdbc.sql("SELECT * FROM hotline_order WHERE order_id = :id")
                .param("id", orderId)
                .query(HotlineOrders::row)
                .optional()
                .map(this::view);
    }

    /** The order an incident came from, if it came from the hotline (not an Open311 request placed from the queue). */
    Optional<HotlineOrderView> ofIncident(UUID incidentId) {
        return jdbc.sql("SELECT * FROM hotline_order WHERE incident_id = :id AND source = 'HOTLINE'")
                .param("id", incidentId)
                .query(HotlineOrders::row)
                .optional()
                .map(this::view);
    }

    /** Orders by id, for the reconciliation. */
    Map<String, HotlineOrderView> byIds(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT * FROM hotline_order WHERE order_id IN (:ids)")
                .param("ids", orderIds)
                .query(HotlineOrders::row)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Row::orderId, this::view));
    }

    private void requireCityDispatcher(StaffPrincipal me) {
        boolean cityCentre = me.regionCode() == null
                || me.regionCode().isEmpty()
                || regions.find(me.regionCode())
                        .map(r -> r.level() == RegionLevel.CITY)
                        .orElse(false);
        if (!me.hasRole(Role.CENTRE_DISPATCHER) || !cityCentre) {
            throw Problems.forbidden(
                    "Hotline orders without a location are placed by the dispatchers of the city centre (市级综治中心)");
        }
    }

    private void markPlaced(String orderId, UUID incident, Long by, Instant now) {
        jdbc.sql("""
                UPDATE hotline_order
                   SET incident_id = :incident, placed_at = :now, placed_by = :by, caller_name = NULL, caller_phone = NULL
                 WHERE order_id = :id
                """)
                .param("id", orderId)
                .param("incident", incident)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }

    private HotlineOrderView repeated(Row earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw Problems.of(
                    HttpStatus.CONFLICT,
                    "order-changed",
                    "Hotline order " + earlier.orderId()
                            + " was pushed before with other content; an order is not changed by pushing it again",
                    Map.of("orderId", earlier.orderId()));
        }
        return view(earlier);
    }

    /** The incident report of an order: its item, the text with the order id and the hotline's limit, the caller. */
    private static ReportIncident report(Row row, String callerName, String callerPhone) {
        StringBuilder text = new StringBuilder(row.text());
        text.append("\n【12345工单 ").append(row.orderId());
        if (row.timeLimit() != null) {
            text.append("，热线办理时限 ").append(LOCAL.format(row.timeLimit()));
        }
        text.append("】");
        return new ReportIncident(
                row.itemCode(),
                text.toString(),
                "HOTLINE",
                row.longitude(),
                row.latitude(),
                row.address(),
                row.gridCode(),
                blankToNull(callerName),
                blankToNull(callerPhone),
                List.of());
    }

    private static void validate(OrderPush push) {
        TextRules.checkCharacters("orderId", push.orderId());
        TextRules.checkCharacters("text", push.text());
        TextRules.check("category", push.category(), Kind.CODE);
        TextRules.check("address", push.address(), Kind.ADDRESS);
        TextRules.check("caller.name", push.callerName(), Kind.NAME);
        TextRules.check("caller.phone", push.callerPhone(), Kind.LINE);
        TextRules.check("gridCode", push.gridCode(), Kind.CODE);
        if (push.orderId() == null || !push.orderId().matches("[0-9A-Za-z._-]{1,64}")) {
            throw Problems.invalid("orderId", "orderId is required: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (push.text() == null || push.text().isBlank()) {
            throw Problems.invalid("text", "text is required: what the caller reported");
        }
        if (push.text().strip().length() > MAX_TEXT) {
            throw Problems.invalid("text", "text may have at most " + MAX_TEXT + " characters");
        }
        if (push.category() == null || push.category().isBlank()) {
            throw Problems.invalid("category", "category is required: the hotline's category code");
        }
        if ((push.longitude() == null) != (push.latitude() == null)) {
            throw Problems.invalid(
                    push.longitude() == null ? "longitude" : "latitude", "longitude and latitude come together");
        }
        if (push.longitude() == null && blankToNull(push.address()) == null) {
            throw Problems.invalid("address", "address is required unless the order carries coordinates");
        }
        String phone = blankToNull(push.callerPhone());
        if (phone != null && !phone.matches("[0-9+\\- ]{3,20}")) {
            throw Problems.invalid("caller.phone", "caller.phone must be a phone number");
        }
    }

    private String fingerprint(OrderPush push) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(json.writeValueAsString(push).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Row> lock(String orderId) {
        return jdbc.sql("SELECT * FROM hotline_order WHERE order_id = :id FOR UPDATE")
                .param("id", orderId)
                .query(HotlineOrders::row)
                .optional();
    }

    private HotlineOrderView view(Row row) {
        return new HotlineOrderView(
                row.orderId(),
                row.source(),
                row.incidentId() == null ? AWAITING : PLACED,
                row.incidentId(),
                row.category(),
                row.itemCode(),
                row.text(),
                row.address(),
                row.longitude(),
                row.latitude(),
                row.gridCode(),
                row.callerName(),
                CallerCipher.mask(cipher.decrypt(row.callerPhone())),
                row.timeLimit(),
                row.receivedAt(),
                row.placedAt());
    }

    private record Row(
            String orderId,
            String source,
            String fingerprint,
            String category,
            String itemCode,
            String text,
            String address,
            Double longitude,
            Double latitude,
            String gridCode,
            String callerName,
            byte[] callerPhone,
            Instant timeLimit,
            Instant receivedAt,
            UUID incidentId,
            Instant placedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("order_id"),
                rs.getString("source"),
                rs.getString("fingerprint"),
                rs.getString("category_code"),
                rs.getString("item_code"),
                rs.getString("text"),
                rs.getString("address"),
                rs.getObject("longitude", Double.class),
                rs.getObject("latitude", Double.class),
                rs.getString("grid_code"),
                rs.getString("caller_name"),
                rs.getBytes("caller_phone"),
                instant(rs.getTimestamp("time_limit")),
                instant(rs.getTimestamp("received_at")),
                rs.getObject("incident_id", UUID.class),
                instant(rs.getTimestamp("placed_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
