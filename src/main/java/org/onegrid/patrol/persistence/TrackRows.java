package org.onegrid.patrol.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.shared.geo.Position;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patrol tracks, their points and the problems found on them. */
@Repository
public class TrackRows {

    private final JdbcClient jdbc;

    TrackRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TrackRow(
            UUID id,
            long number,
            long workerId,
            String workerName,
            String gridCode,
            String regionPath,
            Instant startedAt,
            Instant endedAt,
            Integer distanceM,
            Double coveredShare,
            String status) {}

    public record TimedPoint(Instant at, double lng, double lat) {}

    public void start(UUID id, long worker, String workerName, String grid, String path, Instant at) {
        jdbc.sql("""
                        INSERT INTO patrol_track (id, worker_id, worker_name, grid_code, region_path, started_at)
                        VALUES (:id, :worker, :name, :grid, :path, :at)
                        """)
                .param("id", id)
                .param("worker", worker)
                .param("name", workerName)
                .param("grid", grid)
                .param("path", path)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static final String SELECT = """
            SELECT id, number, worker_id, worker_name, grid_code, region_path, started_at, ended_at, distance_m,
                   covered_share, status FROM patrol_track
            """;

    public Optional<TrackRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(TrackRows::row)
                .optional();
    }

    public Optional<TrackRow> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(TrackRows::row)
                .optional();
    }

    public Optional<TrackRow> running(long worker) {
        return jdbc.sql(SELECT + " WHERE worker_id = :w AND status = 'RUNNING' ORDER BY started_at DESC LIMIT 1")
                .param("w", worker)
                .query(TrackRows::row)
                .optional();
    }

    public List<TrackRow> ofWorker(long worker, int limit) {
        return jdbc.sql(SELECT + " WHERE worker_id = :w ORDER BY started_at DESC LIMIT :limit")
                .param("w", worker)
                .param("limit", limit)
                .query(TrackRows::row)
                .list();
    }

    /** Adds points; one already kept (the same time) is kept once. Returns how many were new. */
    public int addPoints(UUID track, List<TimedPoint> points) {
        int added = 0;
        for (TimedPoint p : points) {
            added += jdbc.sql("""
                            INSERT INTO patrol_track_point (track_id, at, lng, lat) VALUES (:t, :at, :lng, :lat)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("t", track)
                    .param("at", Timestamp.from(p.at()))
                    .param("lng", p.lng())
                    .param("lat", p.lat())
                    .update();
        }
        return added;
    }

    public List<TimedPoint> points(UUID track) {
        return jdbc.sql("SELECT at, lng, lat FROM patrol_track_point WHERE track_id = :t ORDER BY at")
                .param("t", track)
                .query((rs, n) ->
                        new TimedPoint(rs.getTimestamp("at").toInstant(), rs.getDouble("lng"), rs.getDouble("lat")))
                .list();
    }

    public static List<Position> positions(List<TimedPoint> points) {
        return points.stream().map(p -> new Position(p.lng(), p.lat())).toList();
    }

    public void end(UUID id, Instant at, int distance, double share) {
        jdbc.sql("""
                        UPDATE patrol_track SET status = 'ENDED', ended_at = :at, distance_m = :d, covered_share = :s
                         WHERE id = :id
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("d", distance)
                .param("s", share)
                .update();
    }

    public void problem(UUID track, UUID incident) {
        jdbc.sql("INSERT INTO patrol_track_problem (track_id, incident_id) VALUES (:t, :i)")
                .param("t", track)
                .param("i", incident)
                .update();
    }

    public List<UUID> problems(UUID track) {
        return jdbc.sql("SELECT incident_id FROM patrol_track_problem WHERE track_id = :t")
                .param("t", track)
                .query(UUID.class)
                .list();
    }

    private static TrackRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        int d = rs.getInt("distance_m");
        Integer distance = rs.wasNull() ? null : d;
        double s = rs.getDouble("covered_share");
        Double share = rs.wasNull() ? null : s;
        return new TrackRow(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getLong("worker_id"),
                rs.getString("worker_name"),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(),
                distance,
                share,
                rs.getString("status"));
    }
}
