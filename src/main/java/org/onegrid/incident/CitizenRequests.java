package org.onegrid.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.incident.domain.Action;
import org.onegrid.incident.domain.Status;
import org.onegrid.incident.persistence.TrackingCodes;
import org.onegrid.incident.routing.Routing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' reports (channel {@code CITIZEN}) as the public may see them, for integrations that publish them (Open311
 * GeoReport v2): the reports and their changes of status. Other channels' incidents are work records of the city,
 * often about third parties (disputes, people at risk, callers' homes), and are never listed here. Not scoped to a
 * user: what it returns is public.
 */
@Service
public class CitizenRequests {

    private static final String OPEN = "('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'HANDLED')";

    private static final String COLUMNS = """
            SELECT i.id, i.status, i.item_code, i.item_name, i.text, i.longitude, i.latitude, i.address,
                   i.reported_at, i.updated_at, i.closed_at, i.stage_deadline, i.owner_org_id, i.lead_org_id,
                   i.result, i.merged_into,
                   CASE WHEN i.status = 'REJECTED' THEN
                       (SELECT h.comment FROM incident_history h
                         WHERE h.incident_id = i.id AND h.action = 'REJECT' ORDER BY h.sequence DESC LIMIT 1)
                   END AS reject_reason
              FROM incident i
             WHERE i.channel = 'CITIZEN'
            """;

    private final JdbcClient jdbc;
    private final TrackingCodes trackingCodes;
    private final Routing routing;

    CitizenRequests(JdbcClient jdbc, TrackingCodes trackingCodes, Routing routing) {
        this.jdbc = jdbc;
        this.trackingCodes = trackingCodes;
        this.routing = routing;
    }

    /** These residents' reports, those that exist, newest first; ids of other channels' incidents are left out. */
    @Transactional(readOnly = true)
    public List<CitizenRequestView> of(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " AND i.id = ANY(:ids) ORDER BY i.reported_at DESC")
                .param("ids", ids.toArray(UUID[]::new))
                .query(this::view)
                .list();
    }

    /**
     * Residents' reports made from {@code from} to {@code to} (both included), newest first, at most {@code limit}.
     *
     * @param itemCodes only these catalog items; empty for all
     * @param open only open ones (true), only closed, rejected or merged ones (false), or both (null)
     */
    @Transactional(readOnly = true)
    public List<CitizenRequestView> reported(
            Collection<String> itemCodes, Instant from, Instant to, Boolean open, int limit) {
        String sql = COLUMNS + """
                   AND i.reported_at >= :from AND i.reported_at <= :to
                   AND (cardinality(CAST(:items AS text[])) = 0 OR i.item_code = ANY(CAST(:items AS text[])))
                   AND (CAST(:open AS boolean) IS NULL OR (i.status IN %s) = CAST(:open AS boolean))
                 ORDER BY i.reported_at DESC
                 LIMIT :limit
                """.formatted(OPEN);
        return jdbc.sql(sql)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("items", itemCodes.toArray(String[]::new))
                .param("open", open)
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    /**
     * The changes of status of residents' reports from {@code from} (included) to {@code to} (excluded), oldest first,
     * at most {@code limit}: the report itself and every action that moved the status.
     */
    @Transactional(readOnly = true)
    public List<CitizenStatusChangeView> statusChanges(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT h.incident_id, h.sequence, h.at, h.action, h.to_status, i.item_code,
                               CASE WHEN h.to_status = 'CLOSED' THEN i.result
                                    WHEN h.action = 'REJECT' THEN h.comment END AS note
                          FROM incident_history h
                          JOIN incident i ON i.id = h.incident_id
                         WHERE h.at >= :from AND h.at < :to
                           AND i.channel = 'CITIZEN'
                           AND (h.from_status IS NULL OR h.from_status <> h.to_status)
                         ORDER BY h.at, h.incident_id, h.sequence
                         LIMIT :limit
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, row) -> {
                    Status status = Status.valueOf(rs.getString("to_status"));
                    Action action = Action.valueOf(rs.getString("action"));
                    return new CitizenStatusChangeView(
                            rs.getObject("incident_id", UUID.class),
                            rs.getLong("sequence"),
                            instant(rs.getTimestamp("at")),
                            action.name(),
                            action.label(),
                            status.name(),
                            status.label(),
                            status.isOpen(),
                            rs.getString("note"),
                            rs.getString("item_code"));
                })
                .list();
    }

    /** The resident's report with this tracking code (查询码). */
    @Transactional(readOnly = true)
    public Optional<UUID> withTrackingCode(String code) {
        return trackingCodes.find(code);
    }

    /** The tracking code (查询码) of a resident's report, if it has one. */
    @Transactional(readOnly = true)
    public Optional<String> trackingCode(UUID id) {
        return trackingCodes.of(id);
    }

    private CitizenRequestView view(ResultSet rs, int row) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        Long lead = rs.getObject("lead_org_id", Long.class);
        long owner = rs.getLong("owner_org_id");
        String agency = (lead == null ? Optional.<String>empty() : routing.name(lead))
                .or(() -> routing.name(owner))
                .orElse(null);
        return new CitizenRequestView(
                rs.getObject("id", UUID.class),
                status.name(),
                status.label(),
                status.isOpen(),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("text"),
                rs.getObject("longitude", Double.class),
                rs.getObject("latitude", Double.class),
                rs.getString("address"),
                instant(rs.getTimestamp("reported_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("closed_at")),
                instant(rs.getTimestamp("stage_deadline")),
                agency,
                rs.getString("result"),
                rs.getString("reject_reason"),
                rs.getObject("merged_into", UUID.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
