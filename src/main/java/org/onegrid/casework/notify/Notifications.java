package org.onegrid.casework.notify;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications 消息提醒 about any kind of case — incidents, disputes, hazards, tasks: to one user, or to everyone of an organisation in one role (a department's handlers,
 * a centre's dispatchers) — so whoever joins a department later still sees its open work. Read receipts are kept per
 * user.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who a notification is for. */
    public sealed interface Recipient {}

    public record User(long userId) implements Recipient {}

    public record Org(long orgId, Role role) implements Recipient {}

    public static Recipient user(long userId) {
        return new User(userId);
    }

    public static Recipient org(long orgId, Role role) {
        return new Org(orgId, role);
    }

    /**
     * Creates one notification per distinct recipient, in the caller's transaction: about a case of a kind (an
     * incident, a dispute, a hazard), whose page the notice leads to, or about none ({@code caseId} null).
     */
    @Transactional
    public void notify(List<Recipient> recipients, String caseKind, UUID caseId, String kind, String text, Instant at) {
        Set<Recipient> distinct = new LinkedHashSet<>(recipients);
        for (Recipient recipient : distinct) {
            Long userId = recipient instanceof User u ? u.userId() : null;
            Long orgId = recipient instanceof Org o ? o.orgId() : null;
            String role = recipient instanceof Org o ? o.role().name() : null;
            if ((userId != null && userId <= 0) || (orgId != null && orgId <= 0)) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO notification (recipient_user_id, recipient_org_id, recipient_role, case_kind,
                                case_id, kind, text, created_at)
                            VALUES (:user, :org, :role, :caseKind, :caseId, :kind, :text, :at)
                            """)
                    .param("user", userId)
                    .param("org", orgId)
                    .param("role", role)
                    .param("caseKind", caseKind)
                    .param("caseId", caseId)
                    .param("kind", kind)
                    .param("text", text)
                    .param("at", at.atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }
    }

    private static final String MINE = """
            FROM notification n
            LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :me
            WHERE (n.recipient_user_id = :me
                   OR (n.recipient_org_id = :org AND n.recipient_role = ANY(CAST(:roles AS text[]))))
            """;

    private static final String UNREAD = " AND r.read_at IS NULL AND n.read_by_everyone_at IS NULL";

    /** The caller's notifications, newest first (by when they were created); only unread ones if {@code unreadOnly}. */
    @Transactional(readOnly = true)
    public NotificationPage mine(StaffPrincipal me, boolean unreadOnly, int page, int size) {
        if (page < 0) {
            throw Problems.invalid("page", "page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw Problems.invalid("size", "size must be between 1 and 200");
        }
        String roles = me.roles().stream()
                .map(Role::name)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        String filter = unreadOnly ? UNREAD : "";
        long total = jdbc.sql("SELECT count(*) " + MINE + filter)
                .param("me", me.userId())
                .param("org", me.orgId())
                .param("roles", "{" + roles + "}")
                .query(Long.class)
                .single();
        long unread = unreadOnly
                ? total
                : jdbc.sql("SELECT count(*) " + MINE + UNREAD)
                        .param("me", me.userId())
                        .param("org", me.orgId())
                        .param("roles", "{" + roles + "}")
                        .query(Long.class)
                        .single();
        List<NotificationView> items = jdbc.sql(
                        """
                        SELECT n.id, n.kind, n.text, n.case_kind, n.case_id, n.created_at,
                               coalesce(r.read_at, n.read_by_everyone_at) AS read_at
                        """ + MINE + filter + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
                .param("me", me.userId())
                .param("org", me.orgId())
                .param("roles", "{" + roles + "}")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new NotificationView(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("text"),
                        rs.getString("case_kind"),
                        rs.getObject("case_id", UUID.class),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("read_at", java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("read_at", java.time.OffsetDateTime.class)
                                        .toInstant()))
                .list();
        return new NotificationPage(items, page, size, total, unread);
    }

    /**
     * Marks one of the caller's notifications read (again is harmless).
     *
     * @throws org.springframework.web.ErrorResponseException 404 if it is not the caller's
     */
    @Transactional
    public void markRead(long id, StaffPrincipal me, Instant at) {
        String roles = me.roles().stream()
                .map(Role::name)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        boolean mine = jdbc.sql("SELECT count(*) " + MINE + " AND n.id = :id")
                        .param("me", me.userId())
                        .param("org", me.orgId())
                        .param("roles", "{" + roles + "}")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!mine) {
            throw Problems.notFound("notification", Long.toString(id));
        }
        jdbc.sql("""
                        INSERT INTO notification_read (notification_id, user_id, read_at) VALUES (:id, :me, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", id)
                .param("me", me.userId())
                .param("at", at.atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    /**
     * Marks every notice created before {@code before} read by everyone, as of {@code at}: for a past that was replayed
     * rather than lived (the demo city's year), whose notices nobody is waiting to read. Answers how many.
     */
    @Transactional
    public int markReadByEveryoneBefore(Instant before, Instant at) {
        return jdbc.sql("""
                        UPDATE notification SET read_by_everyone_at = :at
                         WHERE created_at < :before AND read_by_everyone_at IS NULL
                        """)
                .param("before", before.atOffset(java.time.ZoneOffset.UTC))
                .param("at", at.atOffset(java.time.ZoneOffset.UTC))
                .update();
    }
}
