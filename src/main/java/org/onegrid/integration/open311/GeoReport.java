package org.onegrid.integration.open311;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.CategoryView;
import org.onegrid.incident.CitizenRequestView;
import org.onegrid.incident.CitizenRequests;
import org.onegrid.incident.CitizenStatusChangeView;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.integration.hotline.PlacementQueue;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.privacy.PersonalNumbers;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 over the catalog and the incident loop: the catalog's offered items are the services, a posted
 * service request is a resident's report ({@code CITIZEN}) made through {@link IncidentApi} with all its rules, and
 * residents' reports are the service requests anyone may query. Each method answers with the fields the
 * specification lists, in its order; refusals are {@link Open311Exception}s and change nothing.
 */
@Service
class GeoReport {

    /** The specification's limit of a description. */
    static final int MAX_DESCRIPTION = 4000;
    /** The longest span of one query of requests or updates, and the default one. */
    static final Duration MAX_SPAN = Duration.ofDays(90);
    /** The most requests or updates one query returns. */
    static final int MAX_RESULTS = 1000;
    /** How long a request without an Idempotency-Key is recognised again when a client retries it. */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(10);

    static final int MAX_MEDIA_URL = 500;
    static final int MAX_IDEMPOTENCY_KEY = 100;
    static final int MAX_ADDRESS = 500;
    static final int MAX_NAME = 100;

    /** The fields of a POST that take one value: one given twice is refused rather than one of them picked. */
    static final List<String> SINGLE_VALUED = List.of(
            "api_key",
            "jurisdiction_id",
            "service_code",
            "lat",
            "long",
            "address_string",
            "address_id",
            "email",
            "device_id",
            "account_id",
            "first_name",
            "last_name",
            "phone",
            "description",
            "media_url");

    /** The fields of a POST servicerequestupdates that take one value. */
    static final List<String> UPDATE_SINGLE_VALUED = List.of(
            "api_key",
            "jurisdiction_id",
            "service_request_id",
            "update_id",
            "updated_datetime",
            "status",
            "description",
            "media_url",
            "email",
            "first_name",
            "last_name",
            "title",
            "phone",
            "account_id");

    /** The source of requests placed from the placement queue, and the prefix of their order ids there. */
    static final String QUEUED = "OPEN311-";

    private static final String TOKEN_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int TOKEN_LENGTH = 12;

    /** How far back the updates go when a client gives no start_date (the extension's default). */
    static final Duration DEFAULT_UPDATES_SPAN = Duration.ofHours(24);

    private static final ZoneId LOCAL = CityTime.ZONE;
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;
    private final IncidentApi incidents;
    private final CitizenRequests requests;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlacementQueue queue;
    private final SecureRandom random = new SecureRandom();

    GeoReport(
            Catalog catalog,
            IncidentApi incidents,
            CitizenRequests requests,
            JdbcClient jdbc,
            Clock clock,
            PlacementQueue queue) {
        this.queue = queue;
        this.catalog = catalog;
        this.incidents = incidents;
        this.requests = requests;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Services

    /** GET services: every offered catalog item (active, in an active category), in the catalog's order. */
    List<Map<String, Object>> services() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CategoryView category : catalog.categories()) {
            for (CatalogItemView item : category.items()) {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("service_code", item.code());
                service.put("service_name", item.name());
                service.put("description", item.description());
                service.put("metadata", !item.attributes().isEmpty());
                service.put("type", "realtime");
                service.put("keywords", String.join(", ", item.keywords()));
                service.put("group", category.name());
                out.add(service);
            }
        }
        return out;
    }

    /** GET a service definition: the attributes a request of this service asks for. 404 for a service not offered. */
    Map<String, Object> definition(String serviceCode) {
        CatalogItemView item = offered(serviceCode)
                .orElseThrow(() -> Open311Exception.notFound("service_code " + serviceCode + " was not found"));
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 1;
        for (AttributeDefinition a : item.attributes()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", a.code());
            attribute.put("datatype", a.datatype());
            attribute.put("required", a.required());
            attribute.put("datatype_description", datatypeDescription(a.datatype()));
            attribute.put("order", order++);
            attribute.put("description", a.description());
            attribute.put(
                    "values",
                    a.values().stream()
                            .map(v -> {
                                Map<String, Object> value = new LinkedHashMap<>();
                                value.put("key", v.key());
                                value.put("name", v.name());
                                return value;
                            })
                            .toList());
            attributes.add(attribute);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", item.code());
        definition.put("attributes", attributes);
        return definition;
    }

    private static String datatypeDescription(String datatype) {
        return switch (datatype) {
            case "number" -> "数字，如 3 或 2.5";
            case "datetime" -> "日期时间（ISO 8601），如 2026-03-01T08:30:00+08:00";
            case "singlevaluelist" -> "从所列选项中选一项，填写其 key";
            case "multivaluelist" -> "从所列选项中选一项或多项，每项填写其 key";
            case "text" -> "文字，可换行，至多 1000 字";
            default -> "文字，不换行，至多 200 字";
        };
    }

    private Optional<CatalogItemView> offered(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return catalog.categories().stream()
                .flatMap(c -> c.items().stream())
                .filter(i -> i.code().equals(wanted))
                .findFirst();
    }

    // ---------------------------------------------------------------------------------------------------------
    // POST a service request

    /**
     * POST a service request for {@code client}: checked field by field as the specification describes them, then
     * reported through the incident loop as a resident's report. A retry (the same {@code Idempotency-Key}, or without
     * one the same request within {@link #RETRY_WINDOW}) answers with the first request's service_request_id and
     * creates nothing.
     */
    @Transactional
    List<Map<String, Object>> post(
            Open311Clients.Client client, MultiValueMap<String, String> params, String idempotencyKey) {
        String key = null;
        if (idempotencyKey != null) {
            key = idempotencyKey.strip();
            if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY) {
                throw Open311Exception.badRequest(
                        "Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
            }
        }
        onceEach(params, SINGLE_VALUED);
        String fingerprint = fingerprint(params);
        // one request at a time per client and key (or fingerprint), so that two copies of a retry cannot both create
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 311))")
                .param("lock", "open311:" + client.id() + ":" + (key == null ? fingerprint : "key:" + key))
                .query()
                .listOfRows();
        // a retry is answered as the first request was, even if the catalog changed meanwhile
        Optional<Earlier> earlier =
                key != null ? byKey(client.id(), key, fingerprint) : recent(client.id(), fingerprint);
        if (earlier.isPresent()) {
            return earlier.get().incident() != null
                    ? created(earlier.get().incident(), single(params, "account_id"))
                    : queued(earlier.get().token(), single(params, "account_id"));
        }
        Draft draft = draft(params);
        if (draft.command().longitude() == null) {
            return enqueue(client, draft, key, fingerprint);
        }
        IncidentApi.Tracked tracked;
        try {
            tracked = incidents.reportRelayed(
                    draft.command(),
                    "open311:" + client.id(),
                    key == null ? "auto:" + UUID.randomUUID() : "key:" + key);
        } catch (ErrorResponseException refused) {
            throw translate(refused);
        }
        UUID id = tracked.incident().id();
        remember(id, null, client, draft, key == null ? "auto:" + id : "key:" + key, fingerprint);
        return created(id, draft.accountId());
    }

    /**
     * A request located only by {@code address_string} or {@code address_id}, as the specification allows: it waits,
     * like a 12345 order without coordinates, in the city centre's placement queue (the city is the one jurisdiction
     * here), where a dispatcher finds the place on the map, which reports the incident. The client gets a token to
     * learn the service_request_id by ({@code GET tokens/{token}}) once that is done.
     */
    private List<Map<String, Object>> enqueue(
            Open311Clients.Client client, Draft draft, String key, String fingerprint) {
        String token = token();
        ReportIncident command = draft.command();
        queue.enqueueOpen311(
                QUEUED + token,
                draft.item() == null ? null : draft.item().code(),
                command.text(),
                command.address(),
                command.reporterName(),
                command.reporterPhone());
        remember(null, token, client, draft, key == null ? "auto:" + token : "key:" + key, fingerprint);
        return queued(token, draft.accountId());
    }

    /**
     * Keeps what a client posted: under its incident, or under the token of a request waiting for placement. A
     * located request posted twice at once keeps the first (the incident is the same); a queued one that collides
     * fails, so that its transaction does not leave a second order in the queue.
     */
    private void remember(
            UUID incident,
            String token,
            Open311Clients.Client client,
            Draft draft,
            String requestKey,
            String fingerprint) {
        jdbc.sql("""
                        INSERT INTO open311_request (incident_id, token, client_id, request_key, fingerprint,
                                                     service_code, description, media_url, attributes, created_at)
                        VALUES (:id, :token, :client, :key, :fingerprint, :service, :description, :media,
                                CAST(:attributes AS jsonb), :now)
                        """ + (incident == null ? "" : " ON CONFLICT DO NOTHING"))
                .param("id", incident)
                .param("token", token)
                .param("client", client.id())
                .param("key", requestKey)
                .param("fingerprint", fingerprint)
                .param("service", draft.item() == null ? null : draft.item().code())
                .param("description", draft.description())
                .param("media", draft.mediaUrl())
                .param("attributes", JSON.writeValueAsString(draft.attributes()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The answer to a POST that waits for placement: the token and no service_request_id yet. */
    private static List<Map<String, Object>> queued(String token, String accountId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("token", token);
        request.put(
                "service_notice", "地址待市级综治中心在地图上确定位置后登记办理；请凭 token 查询 service_request_id（GET tokens/" + token + "）");
        request.put("account_id", accountId);
        return List.of(request);
    }

    private String token() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(TOKEN_LETTERS.charAt(random.nextInt(TOKEN_LETTERS.length())));
        }
        return token.toString();
    }

    /** A queued request was placed: from now on the token answers its incident, and it is listed as any other. */
    @EventListener
    void placed(PlacementQueue.Placed placed) {
        if (!placed.orderId().startsWith(QUEUED)) {
            return;
        }
        jdbc.sql("UPDATE open311_request SET incident_id = :incident WHERE token = :token AND incident_id IS NULL")
                .param("incident", placed.incidentId())
                .param("token", placed.orderId().substring(QUEUED.length()))
                .update();
    }

    /** What a valid request asks for; {@code item} is null when the client named no service. */
    private record Draft(
            CatalogItemView item,
            ReportIncident command,
            String description,
            String mediaUrl,
            Map<String, List<String>> attributes,
            String accountId) {}

    /**
     * What a POST asks for, checked. Without a {@code service_code} the description must say what is wrong: the
     * platform then takes the item its suggestion (智能分拨) puts first, and the incident is 类型待确认 until the owning
     * centre confirms or changes it, as with every report that names no item.
     */
    private Draft draft(MultiValueMap<String, String> params) {
        String serviceCode = single(params, "service_code");
        if (serviceCode == null && single(params, "description") == null) {
            throw Open311Exception.badRequest("service_code was not provided, nor a description to tell the service by:"
                    + " send service_code, or describe the problem in description");
        }
        CatalogItemView item = serviceCode == null
                ? null
                : offered(serviceCode)
                        .orElseThrow(() -> Open311Exception.notFound("service_code " + serviceCode + " was not found"));
        // lat and long, or null where only address_string or address_id place it
        double[] point = point(params);
        String addressId = single(params, "address_id");
        if (addressId != null && addressId.length() > MAX_ADDRESS) {
            throw Open311Exception.badRequest("address_id may have at most " + MAX_ADDRESS + " characters");
        }
        String description = Optional.ofNullable(single(params, "description")).orElse("");
        if (characters(description) > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest(
                    "description may have at most " + MAX_DESCRIPTION + " characters, not " + characters(description));
        }
        String mediaUrl = single(params, "media_url");
        if (mediaUrl != null
                && (mediaUrl.length() > MAX_MEDIA_URL || !URL.matcher(mediaUrl).matches())) {
            throw Open311Exception.badRequest(
                    "media_url must be an http or https URL of at most " + MAX_MEDIA_URL + " characters");
        }
        Map<String, List<String>> attributes = attributes(item, params);
        String text = text(item, description, attributes, mediaUrl);
        String address = single(params, "address_string");
        if (address != null && address.length() > MAX_ADDRESS) {
            throw Open311Exception.badRequest("address_string may have at most " + MAX_ADDRESS + " characters");
        }
        String phone = single(params, "phone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw Open311Exception.badRequest("phone must be a phone number (digits, +, - and spaces), not " + phone);
        }
        String reporter = name(single(params, "first_name"), single(params, "last_name"));
        if (reporter != null && reporter.length() > MAX_NAME) {
            throw Open311Exception.badRequest("first_name and last_name may have at most " + MAX_NAME + " characters");
        }
        return new Draft(
                item,
                new ReportIncident(
                        item == null ? null : item.code(),
                        text,
                        null,
                        point == null ? null : point[0],
                        point == null ? null : point[1],
                        address != null ? address : addressId == null ? null : "address_id " + addressId,
                        null,
                        reporter,
                        phone,
                        null),
                description,
                mediaUrl,
                attributes,
                single(params, "account_id"));
    }

    /**
     * Where: lat and long (WGS 84), which find the grid; null for a request with only an address_string or
     * address_id, which a dispatcher places.
     */
    private static double[] point(MultiValueMap<String, String> params) {
        String lat = single(params, "lat");
        String lng = single(params, "long");
        if (lat == null && lng == null) {
            if (single(params, "address_string") != null || single(params, "address_id") != null) {
                return null;
            }
            throw Open311Exception.badRequest(
                    "A location was not provided: send lat and long (WGS 84), address_string or address_id");
        }
        if (lat == null || lng == null) {
            throw Open311Exception.badRequest("lat and long must be sent together");
        }
        double latitude = coordinate("lat", lat, 90);
        double longitude = coordinate("long", lng, 180);
        return new double[] {longitude, latitude};
    }

    private static double coordinate(String field, String given, double bound) {
        try {
            double value = Double.parseDouble(given);
            if (Double.isFinite(value) && value >= -bound && value <= bound) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Exception.badRequest(
                field + " must be a number between -" + (int) bound + " and " + (int) bound + ", not " + given);
    }

    /** The attributes given as {@code attribute[code]=value} (or {@code attribute[code][]=value} for a list). */
    private static Map<String, List<String>> attributes(CatalogItemView item, MultiValueMap<String, String> params) {
        if (item == null) {
            for (String name : params.keySet()) {
                Matcher m = ATTRIBUTE.matcher(name);
                if (m.matches()) {
                    throw Open311Exception.badRequest("attribute[" + m.group(1)
                            + "] belongs to a service: send its service_code with it, or leave the attributes out");
                }
            }
            return new LinkedHashMap<>();
        }
        Map<String, AttributeDefinition> defined = item.attributes().stream()
                .collect(Collectors.toMap(
                        AttributeDefinition::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            Matcher m = ATTRIBUTE.matcher(param.getKey());
            if (!m.matches()) {
                continue;
            }
            String code = m.group(1);
            if (!defined.containsKey(code)) {
                throw Open311Exception.badRequest(
                        "attribute[" + code + "] is not an attribute of service_code " + item.code());
            }
            List<String> values = param.getValue().stream()
                    .map(v -> v == null ? "" : v.strip())
                    .filter(v -> !v.isEmpty())
                    .toList();
            if (!values.isEmpty()) {
                given.computeIfAbsent(code, c -> new ArrayList<>()).addAll(values);
            }
        }
        for (AttributeDefinition a : defined.values()) {
            List<String> values = given.get(a.code());
            if (values == null) {
                if (a.required()) {
                    throw Open311Exception.badRequest("attribute[" + a.code() + "] (" + a.description()
                            + ") is required for service_code " + item.code());
                }
                continue;
            }
            check(a, values);
        }
        return given;
    }

    private static void check(AttributeDefinition a, List<String> values) {
        String name = "attribute[" + a.code() + "]";
        if (!"multivaluelist".equals(a.datatype()) && values.size() > 1) {
            throw Open311Exception.badRequest(name + " takes one value");
        }
        Set<String> keys =
                a.values().stream().map(AttributeDefinition.AttributeValue::key).collect(Collectors.toSet());
        for (String value : values) {
            switch (a.datatype()) {
                case "number" -> {
                    try {
                        new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        throw Open311Exception.badRequest(name + " must be a number, not " + value);
                    }
                }
                case "datetime" -> {
                    if (!isDateTime(value)) {
                        throw Open311Exception.badRequest(name + " must be an ISO 8601 date-time, not " + value);
                    }
                }
                case "singlevaluelist", "multivaluelist" -> {
                    if (!keys.contains(value)) {
                        throw Open311Exception.badRequest(name + " must be one of the keys " + keys + ", not " + value);
                    }
                }
                case "text" -> {
                    if (value.length() > 1000) {
                        throw Open311Exception.badRequest(name + " may have at most 1000 characters");
                    }
                }
                default -> {
                    if (value.length() > 200 || value.contains("\n") || value.contains("\r")) {
                        throw Open311Exception.badRequest(name + " must be one line of at most 200 characters");
                    }
                }
            }
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    /**
     * The incident's text: the description, then each attribute and the media URL on a line of its own, so that whoever
     * handles the incident sees all of it. The URL is kept, never fetched.
     */
    private static String text(
            CatalogItemView item, String description, Map<String, List<String>> attributes, String mediaUrl) {
        StringBuilder text = new StringBuilder(description.isBlank() ? item.name() : description.strip());
        if (!attributes.isEmpty() || mediaUrl != null) {
            text.append("\n");
        }
        for (AttributeDefinition a : item == null ? List.<AttributeDefinition>of() : item.attributes()) {
            List<String> values = attributes.get(a.code());
            if (values == null) {
                continue;
            }
            Map<String, String> names = a.values().stream()
                    .collect(Collectors.toMap(
                            AttributeDefinition.AttributeValue::key, AttributeDefinition.AttributeValue::name));
            text.append("\n【")
                    .append(a.description())
                    .append("】")
                    .append(values.stream().map(v -> names.getOrDefault(v, v)).collect(Collectors.joining("、")));
        }
        if (mediaUrl != null) {
            text.append("\n【图片/视频】").append(mediaUrl);
        }
        if (characters(text.toString()) > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest("description with its attributes and media_url may have at most "
                    + MAX_DESCRIPTION + " characters, not " + characters(text.toString()));
        }
        return text.toString();
    }

    /** Chinese names run family name first without a space; others given name first. */
    private static String name(String first, String last) {
        if (first == null && last == null) {
            return null;
        }
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        boolean han =
                (first + last).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? last + first : first + " " + last;
    }

    /** An earlier request a retry repeats: its incident, or while it waits for placement its token. */
    private record Earlier(UUID incident, String token, String fingerprint) {}

    private static Earlier earlier(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Earlier(rs.getObject("incident_id", UUID.class), rs.getString("token"), rs.getString("fingerprint"));
    }

    private Optional<Earlier> byKey(long client, String key, String fingerprint) {
        Optional<Earlier> earlier = jdbc.sql("""
                        SELECT incident_id, token, fingerprint FROM open311_request
                         WHERE client_id = :client AND request_key = :key
                        """)
                .param("client", client)
                .param("key", "key:" + key)
                .query(GeoReport::earlier)
                .optional();
        if (earlier.isPresent() && !earlier.get().fingerprint().equals(fingerprint)) {
            throw Open311Exception.badRequest(
                    "Idempotency-Key " + key + " was already used for a different service request");
        }
        return earlier;
    }

    private Optional<Earlier> recent(long client, String fingerprint) {
        return jdbc.sql("""
                        SELECT incident_id, token, fingerprint FROM open311_request
                         WHERE client_id = :client AND fingerprint = :fingerprint AND created_at >= :since
                         ORDER BY created_at DESC LIMIT 1
                        """)
                .param("client", client)
                .param("fingerprint", fingerprint)
                .param("since", Timestamp.from(clock.instant().minus(RETRY_WINDOW)))
                .query(GeoReport::earlier)
                .optional();
    }

    /**
     * The answer to a POST that created its incident at once: the service_request_id and no token, as the
     * specification answers one or the other. The resident's tracking code (查询码) is in the notice, for the client
     * to show: it is what the resident follows and rates the report by on the resident pages.
     */
    private List<Map<String, Object>> created(UUID id, String accountId) {
        CitizenRequestView view = requests.of(List.of(id)).stream().findFirst().orElseThrow();
        String notice = notice(view);
        // a request that named no service: the client and the resident learn what it was taken for, and that the
        // centre will confirm it
        boolean judged = jdbc.sql("SELECT service_code IS NULL FROM open311_request WHERE incident_id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (judged) {
            notice = "事项类型按描述判定为“" + view.itemName() + "”，待综治中心确认" + (notice == null ? "" : "；" + notice);
        }
        Optional<String> code = requests.trackingCode(id);
        if (code.isPresent()) {
            notice = "查询码 " + code.get() + (notice == null ? "" : "；" + notice);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", id.toString());
        request.put("service_notice", notice);
        request.put("account_id", accountId);
        return List.of(request);
    }

    /** Same parameters, same request: every field but the key, sorted, with each value list in order. */
    private static String fingerprint(MultiValueMap<String, String> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, values) -> {
            if (name.equals("api_key")) {
                return;
            }
            String value = String.join("\u001f", values == null ? List.of() : values);
            out.append(name.length())
                    .append(':')
                    .append(name)
                    .append(value.length())
                    .append(':')
                    .append(value);
        });
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The incident loop's refusal in Open311's terms: its status (400 for anything not acceptable) and detail. */
    private static Open311Exception translate(ErrorResponseException refused) {
        HttpStatusCode code = refused.getStatusCode();
        HttpStatus status = code.value() == 403
                ? HttpStatus.FORBIDDEN
                : code.value() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        String detail = refused.getBody().getDetail();
        return new Open311Exception(status, detail == null ? "The service request was refused" : detail);
    }

    // ---------------------------------------------------------------------------------------------------------
    // GET requests, a request, a token, updates

    /** GET service requests: by ids (which override every other argument), or by service, time and status. */
    List<Map<String, Object>> requests(MultiValueMap<String, String> params) {
        String ids = single(params, "service_request_id");
        if (ids != null) {
            List<UUID> wanted = new ArrayList<>();
            for (String id : ids.split(",")) {
                if (wanted.size() == MAX_RESULTS) {
                    throw Open311Exception.badRequest("At most " + MAX_RESULTS + " service_request_id at once");
                }
                uuid(id.strip()).ifPresent(wanted::add);
            }
            return rows(requests.of(wanted));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String value : params.getOrDefault("service_code", List.of())) {
            for (String code : value.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        Set<Boolean> statuses = new LinkedHashSet<>();
        for (String value : params.getOrDefault("status", List.of())) {
            for (String status : value.split(",")) {
                switch (status.strip().toLowerCase(Locale.ROOT)) {
                    case "open" -> statuses.add(true);
                    case "closed" -> statuses.add(false);
                    case "" -> {}
                    default ->
                        throw Open311Exception.badRequest("status must be open or closed, not " + status.strip());
                }
            }
        }
        Boolean open = statuses.size() == 1 ? statuses.iterator().next() : null;
        Instant[] range = range(single(params, "start_date"), single(params, "end_date"));
        // the public list holds only the reports of items that may be published; the others are answered by their id
        // alone (which only the client that posted them knows), and then without their text or place
        return rows(requests.reported(codes, range[0], range[1], open, MAX_RESULTS).stream()
                .filter(v -> published(v.itemCode()))
                .toList());
    }

    /** GET a service request; 404 for an id that is no resident's report. */
    List<Map<String, Object>> request(String id) {
        return uuid(id).map(List::of)
                .map(requests::of)
                .filter(found -> !found.isEmpty())
                .map(this::rows)
                .orElseThrow(() -> Open311Exception.notFound("service_request_id " + id + " was not found"));
    }

    /**
     * GET service_request_id from a token: the token of a request that waited for placement (its service_request_id
     * empty until a dispatcher placed it), or a tracking code (查询码).
     */
    List<Map<String, Object>> token(String token) {
        String wanted = token.strip().toUpperCase(Locale.ROOT);
        Optional<Optional<UUID>> queued = jdbc.sql("SELECT incident_id FROM open311_request WHERE token = :token")
                .param("token", wanted)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("incident_id", UUID.class)))
                .optional();
        Map<String, Object> request = new LinkedHashMap<>();
        if (queued.isPresent()) {
            request.put("service_request_id", queued.get().map(UUID::toString).orElse(null));
            request.put("token", wanted);
            return List.of(request);
        }
        UUID id = requests.withTrackingCode(token)
                .orElseThrow(() -> Open311Exception.notFound("token " + token + " was not found"));
        request.put("service_request_id", id.toString());
        request.put("token", requests.trackingCode(id).orElse(token));
        return List.of(request);
    }

    /**
     * POST servicerequestupdates (the widely used extension): a resident's follow-up comment on a request the same
     * client posted, which lands on the incident's history as 补充说明 and is told to the owning centre. The status a
     * client may send is not taken: a resident does not open or close the city's work. With the client's {@code
     * update_id}, sending it again adds nothing and answers the same.
     */
    @Transactional
    List<Map<String, Object>> postUpdate(Open311Clients.Client client, MultiValueMap<String, String> params) {
        onceEach(params, UPDATE_SINGLE_VALUED);
        String requestId = single(params, "service_request_id");
        if (requestId == null) {
            throw Open311Exception.badRequest("service_request_id was not provided");
        }
        UUID id = uuid(requestId)
                .filter(incident -> jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM open311_request
                                                WHERE incident_id = :id AND client_id = :client)
                                """)
                        .param("id", incident)
                        .param("client", client.id())
                        .query(Boolean.class)
                        .single())
                .orElseThrow(() -> Open311Exception.notFound("service_request_id " + requestId + " was not found"));
        String description = single(params, "description");
        if (description == null) {
            throw Open311Exception.badRequest("description was not provided: the text of the update");
        }
        String mediaUrl = single(params, "media_url");
        if (mediaUrl != null
                && (mediaUrl.length() > MAX_MEDIA_URL || !URL.matcher(mediaUrl).matches())) {
            throw Open311Exception.badRequest(
                    "media_url must be an http or https URL of at most " + MAX_MEDIA_URL + " characters");
        }
        String text = mediaUrl == null ? description : description + "\n【图片/视频】" + mediaUrl;
        if (characters(text) > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest(
                    "description may have at most " + MAX_DESCRIPTION + " characters, not " + characters(text));
        }
        String clientUpdate = single(params, "update_id");
        if (clientUpdate != null) {
            if (clientUpdate.length() > MAX_IDEMPOTENCY_KEY) {
                throw Open311Exception.badRequest("update_id may have at most " + MAX_IDEMPOTENCY_KEY + " characters");
            }
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 311))")
                    .param("lock", "open311-update:" + client.id() + ":" + clientUpdate)
                    .query()
                    .listOfRows();
            record Earlier(UUID incident, long sequence) {}
            Optional<Earlier> earlier = jdbc.sql("""
                            SELECT incident_id, sequence FROM open311_update
                             WHERE client_id = :client AND client_update_id = :update
                            """)
                    .param("client", client.id())
                    .param("update", clientUpdate)
                    .query((rs, n) -> new Earlier(rs.getObject("incident_id", UUID.class), rs.getLong("sequence")))
                    .optional();
            if (earlier.isPresent()) {
                if (!earlier.get().incident().equals(id)) {
                    throw Open311Exception.badRequest(
                            "update_id " + clientUpdate + " was already used for another service request");
                }
                return updated(id, earlier.get().sequence());
            }
        }
        long sequence;
        try {
            sequence = incidents.supplementRelayed(id, text);
        } catch (ErrorResponseException refused) {
            throw translate(refused);
        }
        if (clientUpdate != null) {
            jdbc.sql("""
                            INSERT INTO open311_update (client_id, client_update_id, incident_id, sequence, created_at)
                            VALUES (:client, :update, :id, :sequence, :now)
                            """)
                    .param("client", client.id())
                    .param("update", clientUpdate)
                    .param("id", id)
                    .param("sequence", sequence)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
        return updated(id, sequence);
    }

    private static List<Map<String, Object>> updated(UUID id, long sequence) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("update_id", id + "-" + sequence);
        return List.of(update);
    }

    /**
     * GET servicerequestupdates (the widely used extension): every change of status of residents' reports from
     * {@code start_date} (default: 24 hours before {@code end_date}) to {@code end_date} (default: now), oldest first,
     * at most {@link #MAX_RESULTS}.
     */
    List<Map<String, Object>> updates(MultiValueMap<String, String> params) {
        Instant[] range = updatesRange(single(params, "start_date"), single(params, "end_date"));
        List<CitizenStatusChangeView> changes = requests.statusChanges(range[0], range[1], MAX_RESULTS);
        Map<UUID, Posted> posted =
                posted(changes.stream().map(CitizenStatusChangeView::incidentId).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        for (CitizenStatusChangeView change : changes) {
            Posted p = posted.get(change.incidentId());
            boolean published = published(change.itemCode());
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("update_id", change.incidentId() + "-" + change.sequence());
            update.put("service_request_id", change.incidentId().toString());
            update.put("status", change.open() ? "open" : "closed");
            update.put("updated_datetime", w3c(change.at()));
            update.put(
                    "description",
                    change.actionLabel() + "：" + change.statusLabel()
                            + (!published
                                            || change.note() == null
                                            || change.note().isBlank()
                                    ? ""
                                    : "。" + PersonalNumbers.masked(change.note())));
            update.put("media_url", published && p != null && change.sequence() == 1 ? p.mediaUrl() : null);
            out.add(update);
        }
        return out;
    }

    private List<Map<String, Object>> rows(List<CitizenRequestView> views) {
        Map<UUID, Posted> posted =
                posted(views.stream().map(CitizenRequestView::id).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        for (CitizenRequestView v : views) {
            Posted p = posted.get(v.id());
            boolean published = published(v.itemCode());
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("service_request_id", v.id().toString());
            request.put("status", v.open() ? "open" : "closed");
            request.put("status_notes", published ? PersonalNumbers.masked(statusNotes(v)) : v.statusLabel());
            request.put("service_name", v.itemName());
            request.put("service_code", v.itemCode());
            request.put(
                    "description", published ? PersonalNumbers.masked(p == null ? v.text() : p.description()) : null);
            request.put("agency_responsible", v.agency());
            request.put("service_notice", notice(v));
            request.put("requested_datetime", w3c(v.reportedAt()));
            request.put("updated_datetime", w3c(v.closedAt() != null && !v.open() ? v.closedAt() : v.updatedAt()));
            request.put("expected_datetime", w3c(v.deadline()));
            request.put("address", published ? PersonalNumbers.masked(v.address()) : null);
            request.put("address_id", null);
            request.put("zipcode", null);
            request.put("lat", published ? v.latitude() : null);
            request.put("long", published ? v.longitude() : null);
            request.put("media_url", published && p != null ? p.mediaUrl() : null);
            out.add(request);
        }
        return out;
    }

    /**
     * Whether reports of this catalog item may be published (the item says so); an item no longer found is not.
     */
    private boolean published(String itemCode) {
        return catalog.item(itemCode).map(CatalogItemView::published).orElse(false);
    }

    private static String statusNotes(CitizenRequestView v) {
        return switch (v.status()) {
            case "CLOSED" -> v.result() == null || v.result().isBlank() ? v.statusLabel() : v.result();
            case "REJECTED" -> v.statusLabel() + (v.rejectReason() == null ? "" : "：" + v.rejectReason());
            case "MERGED" -> "与同一问题的其他反映合并办理（" + v.mergedInto() + "）";
            default -> v.statusLabel();
        };
    }

    /** What happens next, while open: who handles it, where it stands, until when the running stage is due. */
    private static String notice(CitizenRequestView v) {
        if (!v.open()) {
            return null;
        }
        String due = v.deadline() == null
                ? ""
                : "，本环节应于 " + NOTICE_TIME.format(v.deadline().atZone(LOCAL)) + " 前完成";
        return "由" + v.agency() + "办理，当前" + v.statusLabel() + due;
    }

    /** What a client posted that the incident keeps only inside its text. */
    private record Posted(String description, String mediaUrl) {}

    private Map<UUID, Posted> posted(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Posted> out = new LinkedHashMap<>();
        jdbc.sql("SELECT incident_id, description, media_url FROM open311_request WHERE incident_id = ANY(:ids)")
                .param("ids", ids.stream().distinct().toArray(UUID[]::new))
                .query(rs -> {
                    out.put(
                            rs.getObject("incident_id", UUID.class),
                            new Posted(rs.getString("description"), rs.getString("media_url")));
                });
        return out;
    }

    /**
     * A query's time range: both ends given, or one (the other 90 days away), or none (the last 90 days). 400 for an
     * unreadable date, an end before the start, or more than 90 days.
     */
    private Instant[] range(String start, String end) {
        Instant from = start == null ? null : date("start_date", start);
        Instant to = end == null ? null : date("end_date", end);
        Instant now = clock.instant();
        if (from == null && to == null) {
            to = now;
            from = now.minus(MAX_SPAN);
        } else if (from == null) {
            from = to.minus(MAX_SPAN);
        } else if (to == null) {
            to = from.plus(MAX_SPAN);
        }
        return checked(from, to);
    }

    /** The updates' range: the end defaults to now, the start to 24 hours before the end. */
    private Instant[] updatesRange(String start, String end) {
        Instant to = end == null ? clock.instant() : date("end_date", end);
        Instant from = start == null ? to.minus(DEFAULT_UPDATES_SPAN) : date("start_date", start);
        return checked(from, to);
    }

    private static Instant[] checked(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw Open311Exception.badRequest("end_date must not be before start_date");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may span at most 90 days");
        }
        return new Instant[] {from, to};
    }

    /** A W3C date-time with its offset ({@code 2026-03-01T08:00:00+08:00} or {@code ...Z}), or a date (东营 time). */
    private static Instant date(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(LOCAL).toInstant();
            } catch (DateTimeParseException e2) {
                throw Open311Exception.badRequest(field
                        + " must be a W3C date-time with its time zone, e.g. 2026-03-01T00:00:00+08:00, not " + value);
            }
        }
    }

    static String w3c(Instant instant) {
        return instant == null
                ? null
                : instant.truncatedTo(ChronoUnit.SECONDS)
                        .atZone(LOCAL)
                        .toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A text's length in characters (code points): an emoji is one character, not two UTF-16 units. */
    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** 400 for a field of {@code names} given more than once: which of two values a client meant is not guessed. */
    static void onceEach(MultiValueMap<String, String> params, List<String> names) {
        for (String name : names) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw Open311Exception.badRequest(name + " was given " + values.size() + " times; send it once");
            }
        }
    }

    /** A parameter's value, stripped; null when missing or blank (Open311: an empty argument is no argument). */
    static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        return values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }
}
