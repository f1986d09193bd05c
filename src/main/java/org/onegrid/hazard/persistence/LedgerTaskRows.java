package org.onegrid.hazard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.onegrid.hazard.domain.Evaluation;
import org.onegrid.hazard.domain.LedgerTask;
import org.onegrid.hazard.domain.LedgerTaskKind;
import org.onegrid.hazard.domain.Milestone;
import org.onegrid.hazard.domain.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ledger tasks 任务台账 with their units, monthly reports and quarterly evaluations, in plain SQL. */
@Repository
public class LedgerTaskRows {

    private final JdbcClient jdbc;

    LedgerTaskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TaskRow(LedgerTask task, long number, Instant createdAt, Instant closedAt) {}

    public record ReportRow(long orgId, String orgName, String month, String progress, Instant reportedAt) {}

    public record EvaluationRow(String quarter, Evaluation result, String comment, Instant evaluatedAt) {}

    public long insert(LedgerTask t, Instant at) {
        long number = jdbc.sql("""
                        INSERT INTO ledger_task (id, kind, title, goal, ordered_by_org_id, ordered_by_name, ordered_by_path,
                            lead_org_id, lead_name, co_units, milestones, next_deadline, created_at, version)
                        VALUES (:id, :kind, :title, :goal, :org, :orgName, :orgPath, :lead, :leadName,
                            CAST(:co AS jsonb), CAST(:ms AS jsonb), :next, :at, :version)
                        RETURNING number
                        """)
                .param("id", t.id())
                .param("kind", t.kind().name())
                .param("title", t.title())
                .param("goal", t.goal())
                .param("org", t.orderedByOrgId())
                .param("orgName", t.orderedByName())
                .param("orgPath", t.orderedByPath())
                .param("lead", t.leadOrgId())
                .param("leadName", t.leadName())
                .param("co", Json.units(t.coUnits()))
                .param("ms", Json.milestones(t.milestones()))
                .param("next", next(t))
                .param("at", Timestamp.from(at))
                .param("version", t.version())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO ledger_task_unit (task_id, org_id) VALUES (:id, :org)")
                .param("id", t.id())
                .param("org", t.leadOrgId())
                .update();
        for (Unit u : t.coUnits()) {
            jdbc.sql("INSERT INTO ledger_task_unit (task_id, org_id) VALUES (:id, :org) ON CONFLICT DO NOTHING")
                    .param("id", t.id())
                    .param("org", u.id())
                    .update();
        }
        return number;
    }

    /** Writes the changed task if nobody changed it since {@code expectedVersion}; false otherwise. */
    public boolean update(LedgerTask t, int expectedVersion, Instant at) {
        return jdbc.sql("""
                        UPDATE ledger_task SET milestones = CAST(:ms AS jsonb), next_deadline = :next, closed = :closed,
                            closed_at = CASE WHEN :closed AND closed_at IS NULL THEN CAST(:at AS timestamptz) ELSE closed_at END,
                            version = :version
                        WHERE id = :id AND version = :expected
                        """)
                        .param("id", t.id())
                        .param("ms", Json.milestones(t.milestones()))
                        .param("next", next(t))
                        .param("closed", t.closed())
                        .param("at", Timestamp.from(at))
                        .param("version", t.version())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    public void insertReport(
            UUID taskId, long orgId, String orgName, String month, String progress, long by, Instant at) {
        jdbc.sql("""
                        INSERT INTO ledger_task_report (task_id, org_id, org_name, month, progress, reported_by, reported_at)
                        VALUES (:task, :org, :orgName, :month, :progress, :by, :at)
                        """)
                .param("task", taskId)
                .param("org", orgId)
                .param("orgName", orgName)
                .param("month", month)
                .param("progress", progress)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void insertEvaluation(UUID taskId, String quarter, Evaluation result, String comment, long by, Instant at) {
        jdbc.sql("""
                        INSERT INTO ledger_task_evaluation (task_id, quarter, result, comment, evaluated_by, evaluated_at)
                        VALUES (:task, :quarter, :result, :comment, :by, :at)
                        """)
                .param("task", taskId)
                .param("quarter", quarter)
                .param("result", result.name())
                .param("comment", comment)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<TaskRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM ledger_task WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public List<ReportRow> reports(UUID id) {
        return jdbc.sql("""
                        SELECT org_id, org_name, month, progress, reported_at FROM ledger_task_report
                        WHERE task_id = :id ORDER BY month DESC, org_name
                        """)
                .param("id", id)
                .query((rs, n) -> new ReportRow(
                        rs.getLong("org_id"),
                        rs.getString("org_name"),
                        rs.getString("month"),
                        rs.getString("progress"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    public List<EvaluationRow> evaluations(UUID id) {
        return jdbc.sql("""
                        SELECT quarter, result, comment, evaluated_at FROM ledger_task_evaluation
                        WHERE task_id = :id ORDER BY quarter DESC
                        """)
                .param("id", id)
                .query((rs, n) -> new EvaluationRow(
                        rs.getString("quarter"),
                        Evaluation.valueOf(rs.getString("result")),
                        rs.getString("comment"),
                        rs.getTimestamp("evaluated_at").toInstant()))
                .list();
    }

    /**
     * The tasks a user's organisation ordered (in its subtree) or works on as a unit, open first, then by the next
     * deadline.
     */
    public List<TaskRow> visible(String scopePath, long orgId, boolean openOnly, int limit) {
        return jdbc.sql("""
                        SELECT * FROM ledger_task t
                        WHERE (t.ordered_by_path LIKE :scope || '%'
                               OR EXISTS (SELECT 1 FROM ledger_task_unit u WHERE u.task_id = t.id AND u.org_id = :org))
                          AND (NOT :openOnly OR NOT t.closed)
                        ORDER BY t.closed, t.next_deadline NULLS LAST, t.number LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("org", orgId)
                .param("openOnly", openOnly)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** Open tasks with a milestone past its deadline: the urging scan's work. */
    public List<UUID> withOverdueMilestones(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT id FROM ledger_task WHERE NOT closed AND next_deadline < :today ORDER BY next_deadline LIMIT :limit
                        """)
                .param("today", today)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    private TaskRow row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Set<String> reported =
                new HashSet<>(jdbc.sql("SELECT org_id || ':' || month FROM ledger_task_report WHERE task_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list());
        Set<String> evaluated = new HashSet<>(jdbc.sql("SELECT quarter FROM ledger_task_evaluation WHERE task_id = :id")
                .param("id", id)
                .query(String.class)
                .list());
        List<Milestone> ms = Json.milestones(rs.getString("milestones"));
        LedgerTask t = new LedgerTask(
                id,
                LedgerTaskKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("goal"),
                rs.getLong("ordered_by_org_id"),
                rs.getString("ordered_by_name"),
                rs.getString("ordered_by_path"),
                rs.getLong("lead_org_id"),
                rs.getString("lead_name"),
                Json.units(rs.getString("co_units")),
                ms,
                reported,
                evaluated,
                rs.getBoolean("closed"),
                rs.getInt("version"));
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new TaskRow(
                t,
                rs.getLong("number"),
                rs.getTimestamp("created_at").toInstant(),
                closedAt == null ? null : closedAt.toInstant());
    }

    private static LocalDate next(LedgerTask t) {
        return t.closed()
                ? null
                : t.milestones().stream()
                        .filter(m -> m.doneOn() == null)
                        .map(Milestone::deadline)
                        .min(LocalDate::compareTo)
                        .orElse(null);
    }
}
