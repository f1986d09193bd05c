package org.onegrid.integration.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.shared.web.Throttle;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The systems that may post service requests (Open311 clients: a city app, a WeChat mini-program, a partner's
 * platform), each with its own API key. An administrator issues a key, sees it once, and revokes it; only the key's
 * SHA-256 is stored. Each client may post a limited number of requests per hour.
 */
@Service
class Open311Clients {

    static final String ISSUED = "OPEN311_CLIENT_ISSUED";
    static final String REVOKED = "OPEN311_CLIENT_REVOKED";

    /** Requests per hour a client may post unless the administrator says otherwise. */
    static final int DEFAULT_REQUESTS_PER_HOUR = 600;

    private static final String PREFIX = "o311_";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Throttle posts;

    Open311Clients(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.posts = new Throttle(Duration.ofHours(1), clock);
    }

    /** A client as administrators see it: never its key, only the key's first characters. */
    record ClientView(
            long id,
            String name,
            String contact,
            String keyPrefix,
            int requestsPerHour,
            Instant createdAt,
            Instant revokedAt,
            Instant lastUsedAt) {

        /** When it last posted, in 东营 time, for the admin page; a dash if never. */
        String lastUsedLocal() {
            return lastUsedAt == null
                    ? "—"
                    : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .format(lastUsedAt.atZone(CityTime.ZONE));
        }
    }

    /** A newly issued client with its API key, shown this once. */
    record IssuedClient(ClientView client, String apiKey) {}

    /** What an administrator says about a new client. */
    record IssueClient(String name, String contact, Integer requestsPerHour) {}

    /** The client an API key belongs to. */
    record Client(long id, String name, int requestsPerHour) {}

    /** Issues a new client with a fresh API key; administrators only. */
    @Transactional
    IssuedClient issue(IssueClient command, StaffPrincipal me) {
        requireAdmin(me);
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw Problems.invalid("name", "name is required: the client system's name, at most 100 characters");
        }
        String contact = command.contact() == null ? "" : command.contact().strip();
        if (contact.length() > 200) {
            throw Problems.invalid("contact", "contact may have at most 200 characters");
        }
        int perHour = command.requestsPerHour() == null ? DEFAULT_REQUESTS_PER_HOUR : command.requestsPerHour();
        if (perHour < 1 || perHour > 100_000) {
            throw Problems.invalid("requestsPerHour", "requestsPerHour must be between 1 and 100000");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        INSERT INTO open311_client (name, contact, key_prefix, key_hash, requests_per_hour, created_by,
                                                    created_at)
                        VALUES (:name, :contact, :prefix, :hash, :perHour, :by, :now)
                        RETURNING id
                        """)
                .param("name", name)
                .param("contact", contact)
                .param("prefix", key.substring(0, 12))
                .param("hash", hash(key))
                .param("perHour", perHour)
                .param("by", me.userId())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(me, ISSUED, "client " + id);
        return new IssuedClient(find(id), key);
    }

    /** Every client, newest first; administrators only. */
    @Transactional(readOnly = true)
    List<ClientView> list(StaffPrincipal me) {
        requireAdmin(me);
        return jdbc.sql("SELECT * FROM open311_client ORDER BY id DESC")
                .query(Open311Clients::view)
                .list();
    }

    /** Revokes a client's key at once: its next request is refused. Administrators only; 409 if already revoked. */
    @Transactional
    ClientView revoke(long id, StaffPrincipal me) {
        requireAdmin(me);
        ClientView client = find(id);
        if (client.revokedAt() != null) {
            throw Problems.conflict("The key of client " + id + " was already revoked at " + client.revokedAt());
        }
        jdbc.sql("UPDATE open311_client SET revoked_at = :now, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", me.userId())
                .param("id", id)
                .update();
        audit.record(me, REVOKED, "client " + id);
        return find(id);
    }

    /**
     * The client of an API key, counting one posted request against its hourly limit. 403 for a missing, unknown or
     * revoked key; 429 over the limit.
     */
    @Transactional
    Client authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Exception.forbidden(
                    "api_key was not provided: posting a service request needs the key the city issued to the client");
        }
        record Row(long id, String name, int requestsPerHour, Timestamp revokedAt) {}
        Row row = jdbc.sql("SELECT id, name, requests_per_hour, revoked_at FROM open311_client WHERE key_hash = :hash")
                .param("hash", hash(apiKey.strip()))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getInt("requests_per_hour"),
                        rs.getTimestamp("revoked_at")))
                .optional()
                .orElseThrow(() -> Open311Exception.forbidden("api_key is not valid"));
        if (row.revokedAt() != null) {
            throw Open311Exception.forbidden("api_key was revoked");
        }
        if (!posts.allow(row.id(), row.requestsPerHour())) {
            throw Open311Exception.tooMany(
                    "This api_key may post " + row.requestsPerHour() + " service requests per hour; try again later",
                    posts.retryAfter(row.id()));
        }
        jdbc.sql("UPDATE open311_client SET last_used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", row.id())
                .update();
        return new Client(row.id(), row.name(), row.requestsPerHour());
    }

    private ClientView find(long id) {
        return jdbc.sql("SELECT * FROM open311_client WHERE id = :id")
                .param("id", id)
                .query(Open311Clients::view)
                .optional()
                .orElseThrow(() -> Problems.notFound("Open311 client", String.valueOf(id)));
    }

    private static void requireAdmin(StaffPrincipal me) {
        if (me == null || !me.hasRole(Role.ADMIN)) {
            throw Problems.forbidden("Only administrators manage Open311 clients and their API keys");
        }
    }

    private static ClientView view(ResultSet rs, int row) throws SQLException {
        return new ClientView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("contact"),
                rs.getString("key_prefix"),
                rs.getInt("requests_per_hour"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
