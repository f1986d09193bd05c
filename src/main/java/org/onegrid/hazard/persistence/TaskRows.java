package org.onegrid.hazard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.onegrid.hazard.domain.Answer;
import org.onegrid.hazard.domain.ScreeningTask;
import org.onegrid.hazard.domain.TaskOwner;
import org.onegrid.hazard.domain.TaskStatus;
import org.onegrid.shared.geo.Position;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screening tasks in plain SQL; generation inserts in batches and skips what exists (the unique key). */
@Repository
public class TaskRows {

    private static final String SELECT = """
            SELECT t.*, p.name AS plan_name FROM hazard_task t JOIN hazard_plan p ON p.id = t.plan_id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    TaskRows(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A task as stored, with how it was done. */
    public record TaskRow(
            ScreeningTask task,
            String planName,
            Instant doneAt,
            String doneByName,
            Integer distanceMetres,
            boolean far,
            boolean late,
            int findings,
            List<Answer> answers) {}

    /** Inserts the tasks not yet there (by plan, period and target); how many were new. */
    public int insertMissing(List<ScreeningTask> tasks) {
        if (tasks.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource[] batch = new MapSqlParameterSource[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            ScreeningTask t = tasks.get(i);
            batch[i] = new MapSqlParameterSource()
                    .addValue("id", t.id())
                    .addValue("plan", t.planId())
                    .addValue("period", t.periodKey())
                    .addValue("label", t.periodLabel())
                    .addValue("key", t.targetOrgId() == null ? "g:" + t.gridCode() : "o:" + t.targetOrgId())
                    .addValue("org", t.targetOrgId())
                    .addValue("name", t.targetName())
                    .addValue("grid", t.gridCode())
                    .addValue("path", t.regionPath())
                    .addValue("lng", t.place() == null ? null : t.place().lng())
                    .addValue("lat", t.place() == null ? null : t.place().lat())
                    .addValue("owner", t.owner().name())
                    .addValue("ownerPath", t.ownerPath())
                    .addValue("opens", t.opensOn())
                    .addValue("due", t.dueOn());
        }
        int[] done = named.batchUpdate("""
                INSERT INTO hazard_task (id, plan_id, period_key, period_label, target_key, target_org_id, target_name,
                    grid_code, region_path, lng, lat, owner, owner_path, opens_on, due_on)
                VALUES (:id, :plan, :period, :label, :key, :org, :name, :grid, :path, :lng, :lat, :owner, :ownerPath,
                    :opens, :due)
                ON CONFLICT (plan_id, period_key, target_key) DO NOTHING
                """, batch);
        int n = 0;
        for (int d : done) {
            n += Math.max(d, 0);
        }
        return n;
    }

    public Optional<TaskRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id")
                .param("id", id)
                .query(TaskRows::row)
                .optional();
    }

    /** Records a task done; false when someone else changed it first. */
    public boolean complete(
            ScreeningTask.Done d, long userId, String userName, Instant at, List<Answer> answers, int expectedVersion) {
        return jdbc.sql("""
                        UPDATE hazard_task SET status = 'DONE', done_at = :at, done_by = :by, done_by_name = :name,
                            distance_m = :distance, far = :far, late = :late, findings = :findings,
                            answers = CAST(:answers AS jsonb), version = version + 1
                        WHERE id = :id AND version = :v AND status = 'OPEN'
                        """)
                        .param("id", d.task().id())
                        .param("at", Timestamp.from(at))
                        .param("by", userId)
                        .param("name", userName)
                        .param("distance", d.distanceMetres() < 0 ? null : d.distanceMetres())
                        .param("far", d.far())
                        .param("late", d.late())
                        .param("findings", d.findings().size())
                        .param("answers", Json.answers(answers))
                        .param("v", expectedVersion)
                        .update()
                == 1;
    }

    /**
     * The open tasks of a user, opened by {@code today}: those of the owning level's region path they serve, and those
     * of their grids for grid workers; the most urgent first.
     */
    public List<TaskRow> openFor(String ownerPath, Set<String> grids, LocalDate today, int limit) {
        String gridList = grids.isEmpty() ? "{}" : "{" + String.join(",", grids) + "}";
        return jdbc.sql(SELECT + """
                        WHERE t.status = 'OPEN' AND t.opens_on <= :today
                          AND ((t.owner <> 'GRID_WORKER' AND t.owner_path = :path)
                            OR (t.owner = 'GRID_WORKER' AND t.grid_code = ANY (CAST(:grids AS text[]))))
                        ORDER BY t.due_on, t.target_name LIMIT :limit
                        """)
                .param("today", today)
                .param("path", ownerPath)
                .param("grids", gridList)
                .param("limit", limit)
                .query(TaskRows::row)
                .list();
    }

    /**
     * The tasks of a subtree due in a span of days, by state: {@code OPEN} (not yet due), {@code DONE}, {@code MISSED}
     * (open past due), null for all; of one plan when given.
     */
    public List<TaskRow> inRegion(
            String regionPath,
            UUID planId,
            LocalDate from,
            LocalDate to,
            String state,
            LocalDate today,
            int offset,
            int limit) {
        StringBuilder where =
                new StringBuilder(" WHERE t.region_path LIKE :path || '%' AND t.due_on BETWEEN :from AND :to");
        if (planId != null) {
            where.append(" AND t.plan_id = :plan");
        }
        if ("DONE".equals(state)) {
            where.append(" AND t.status = 'DONE'");
        } else if ("MISSED".equals(state)) {
            where.append(" AND t.status = 'OPEN' AND t.due_on < :today");
        } else if ("OPEN".equals(state)) {
            where.append(" AND t.status = 'OPEN' AND t.due_on >= :today");
        }
        var spec = jdbc.sql(SELECT + where + " ORDER BY t.due_on DESC, t.target_name OFFSET :offset LIMIT :limit")
                .param("path", regionPath)
                .param("from", from)
                .param("to", to)
                .param("today", today)
                .param("offset", offset)
                .param("limit", limit);
        if (planId != null) {
            spec = spec.param("plan", planId);
        }
        return spec.query(TaskRows::row).list();
    }

    /** Open tasks whose window holds the day and ends within three days (or ended less than five days ago). */
    public List<TaskRow> dueOn(LocalDate day) {
        return jdbc.sql(SELECT + """
                        WHERE t.status = 'OPEN' AND t.opens_on <= :day AND t.due_on <= :day + 3 AND t.due_on >= :day - 5
                        ORDER BY t.due_on, t.id
                        """).param("day", day).query(TaskRows::row).list();
    }

    /** Counts of a subtree's tasks due in a span: all, done, done on time, open past due; checks and findings. */
    public record TaskCounts(long due, long done, long onTime, long missed, long findings) {}

    public TaskCounts counts(String regionPath, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) AS due,
                               count(*) FILTER (WHERE status = 'DONE') AS done,
                               count(*) FILTER (WHERE status = 'DONE' AND NOT late) AS on_time,
                               count(*) FILTER (WHERE status = 'OPEN' AND due_on < :today) AS missed,
                               coalesce(sum(findings), 0) AS findings
                          FROM hazard_task
                         WHERE region_path LIKE :path || '%' AND due_on BETWEEN :from AND :to
                        """)
                .param("path", regionPath)
                .param("from", from)
                .param("to", to)
                .param("today", today)
                .query((rs, n) -> new TaskCounts(
                        rs.getLong("due"),
                        rs.getLong("done"),
                        rs.getLong("on_time"),
                        rs.getLong("missed"),
                        rs.getLong("findings")))
                .single();
    }

    static TaskRow row(ResultSet rs, int n) throws SQLException {
        double lng = rs.getDouble("lng");
        Position place = rs.wasNull() ? null : new Position(lng, rs.getDouble("lat"));
        long org = rs.getLong("target_org_id");
        Long orgId = rs.wasNull() ? null : org;
        ScreeningTask t = new ScreeningTask(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("period_key"),
                rs.getString("period_label"),
                orgId,
                rs.getString("target_name"),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                place,
                TaskOwner.valueOf(rs.getString("owner")),
                rs.getString("owner_path"),
                rs.getObject("opens_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getInt("version"));
        Timestamp doneAt = rs.getTimestamp("done_at");
        int distance = rs.getInt("distance_m");
        Integer d = rs.wasNull() ? null : distance;
        return new TaskRow(
                t,
                rs.getString("plan_name"),
                doneAt == null ? null : doneAt.toInstant(),
                rs.getString("done_by_name"),
                d,
                rs.getBoolean("far"),
                rs.getBoolean("late"),
                rs.getInt("findings"),
                Json.answers(rs.getString("answers")));
    }
}
