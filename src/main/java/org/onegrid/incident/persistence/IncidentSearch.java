package org.onegrid.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.Window;
import org.onegrid.incident.IncidentPage;
import org.onegrid.incident.IncidentSummaryView;
import org.onegrid.incident.domain.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists of incidents (事件查询): one query for the page, one for the total, whatever the filters. */
@Repository
public class IncidentSearch {

    private static final int EXCERPT = 120;

    private final JdbcClient jdbc;

    IncidentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sortable columns. */
    public enum Sort {
        REPORTED_AT("reported_at"),
        DEADLINE("stage_deadline"),
        STATUS("status");

        private final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** A whole number ({@code DY-20261203-0042}) or a tail of one ({@code 20261203-0042}, {@code 0042}, {@code 42}). */
    private static final Pattern NUMBER = Pattern.compile("(?:[A-Z0-9]{1,16}-)?(?:\\d{8}-)?(\\d{1,6})");

    /**
     * What a number the staff quote matches ({@code number LIKE}): the numbers that end in it, the sequence padded to
     * four digits ({@code 42} finds {@code …-0042}); empty if it cannot be (a tail of) one.
     */
    public static Optional<String> numberPattern(String quoted) {
        if (quoted == null) {
            return Optional.empty();
        }
        String normal = quoted.strip().toUpperCase(Locale.ROOT);
        Matcher m = NUMBER.matcher(normal);
        if (!m.matches()) {
            return Optional.empty();
        }
        String sequence = m.group(1);
        String padded = "0".repeat(Math.max(0, 4 - sequence.length())) + sequence;
        String head = normal.substring(0, m.start(1));
        return Optional.of("%" + (head.isEmpty() ? "-" : escape(head)) + padded);
    }

    /**
     * A list query, resolved: {@code scopePath} (staff) or {@code reporterUserId} (residents, who see only their own
     * reports) limits it; every other field may be null.
     */
    public record Query(
            String scopePath,
            Long reporterUserId,
            Status status,
            Light light,
            String regionPath,
            String grid,
            String category,
            String item,
            String channel,
            Instant from,
            Instant toExclusive,
            String text,
            String numberPattern,
            Sort sort,
            boolean ascending,
            int page,
            int size,
            Instant now) {}

    public IncidentPage page(Query q) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> p = new HashMap<>();
        if (q.scopePath() != null) {
            where.append(" AND region_path LIKE :scope");
            p.put("scope", startingWith(q.scopePath()));
        }
        if (q.reporterUserId() != null) {
            where.append(" AND reporter_user_id = :reporter");
            p.put("reporter", q.reporterUserId());
        }
        if (q.status() != null) {
            where.append(" AND status = :status");
            p.put("status", q.status().name());
        }
        if (q.light() != null) {
            where.append(
                    switch (q.light()) {
                        case GREEN -> " AND stage IS NOT NULL AND stage_yellow_at > :now";
                        case YELLOW -> " AND stage IS NOT NULL AND stage_yellow_at <= :now AND stage_deadline >= :now";
                        case RED -> " AND stage IS NOT NULL AND stage_deadline < :now";
                    });
        }
        if (q.regionPath() != null) {
            where.append(" AND region_path LIKE :region");
            p.put("region", startingWith(q.regionPath()));
        }
        if (q.grid() != null) {
            where.append(" AND grid_code = :grid");
            p.put("grid", q.grid());
        }
        if (q.category() != null) {
            where.append(" AND category_code = :category");
            p.put("category", q.category());
        }
        if (q.item() != null) {
            where.append(" AND item_code = :item");
            p.put("item", q.item());
        }
        if (q.channel() != null) {
            where.append(" AND channel = :channel");
            p.put("channel", q.channel());
        }
        if (q.from() != null) {
            where.append(" AND reported_at >= :from");
            p.put("from", IncidentRows.time(q.from()));
        }
        if (q.toExclusive() != null) {
            where.append(" AND reported_at < :to");
            p.put("to", IncidentRows.time(q.toExclusive()));
        }
        if (q.text() != null) {
            Optional<String> number = numberPattern(q.text());
            where.append(" AND (text ILIKE :text OR address ILIKE :text OR item_name ILIKE :text"
                    + (number.isPresent() ? " OR number LIKE :textNumber)" : ")"));
            p.put("text", "%" + escape(q.text()) + "%");
            number.ifPresent(pattern -> p.put("textNumber", pattern));
        }
        if (q.numberPattern() != null) {
            where.append(" AND number LIKE :number");
            p.put("number", q.numberPattern());
        }
        p.put("now", IncidentRows.time(q.now()));
        long total = jdbc.sql("SELECT count(*) FROM incident" + where)
                .params(p)
                .query(Long.class)
                .single();
        String order = q.sort().column + (q.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST") + ", id";
        p.put("limit", q.size());
        p.put("offset", (long) q.page() * q.size());
        List<IncidentSummaryView> items = jdbc.sql(
                        """
                        SELECT id, number, status, channel, item_code, item_name, category_code, left(text, %d) AS excerpt,
                               address, grid_code, village_code, region_path, owner_org_id, owner_level, handling_mode,
                               lead_org_id, stage, stage_deadline, stage_yellow_at, reported_at, closed_at,
                               resolution_level, version, type_unconfirmed
                          FROM incident
                        """.formatted(EXCERPT) + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(p)
                .query((rs, n) -> summary(rs, q.now()))
                .list();
        return new IncidentPage(items, q.page(), q.size(), total);
    }

    static IncidentSummaryView summary(ResultSet rs, Instant now) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        Instant deadline = IncidentRows.instant(rs, "stage_deadline");
        Instant yellowAt = IncidentRows.instant(rs, "stage_yellow_at");
        String light = null;
        if (rs.getString("stage") != null) {
            light = Window.light(now, yellowAt, deadline).name();
        }
        long lead = rs.getLong("lead_org_id");
        Long leadOrgId = rs.wasNull() ? null : lead;
        return new IncidentSummaryView(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                status.name(),
                status.label(),
                rs.getString("channel"),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("category_code"),
                rs.getString("excerpt"),
                rs.getString("address"),
                rs.getString("grid_code"),
                rs.getString("village_code"),
                rs.getString("region_path"),
                rs.getLong("owner_org_id"),
                rs.getString("owner_level"),
                rs.getString("handling_mode"),
                leadOrgId,
                rs.getString("stage"),
                deadline,
                light,
                IncidentRows.instant(rs, "reported_at"),
                IncidentRows.instant(rs, "closed_at"),
                rs.getString("resolution_level"),
                rs.getLong("version"),
                rs.getBoolean("type_unconfirmed"));
    }

    private static String startingWith(String prefix) {
        return escape(prefix) + "%";
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
