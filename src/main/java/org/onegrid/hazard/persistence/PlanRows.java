package org.onegrid.hazard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.hazard.domain.Frequency;
import org.onegrid.hazard.domain.ScreeningPlan;
import org.onegrid.hazard.domain.Target;
import org.onegrid.hazard.domain.TaskOwner;
import org.onegrid.registry.domain.OrganisationTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screening plans in plain SQL. */
@Repository
public class PlanRows {

    private final JdbcClient jdbc;

    PlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ScreeningPlan p, long createdBy) {
        jdbc.sql("""
                        INSERT INTO hazard_plan (id, name, ordered_by_org_id, ordered_by_name, ordered_by_path, scope_path,
                            target_kind, target_tag, frequency, starts_on, due_days, checklist, owner, active, created_by)
                        VALUES (:id, :name, :org, :orgName, :orgPath, :scope, :kind, :tag, :frequency, :startsOn, :dueDays,
                            CAST(:checklist AS jsonb), :owner, TRUE, :by)
                        """)
                .param("id", p.id())
                .param("name", p.name())
                .param("org", p.orderedByOrgId())
                .param("orgName", p.orderedByName())
                .param("orgPath", p.orderedByPath())
                .param("scope", p.scopePath())
                .param("kind", p.target().kind().name())
                .param("tag", p.target().tag() == null ? null : p.target().tag().name())
                .param("frequency", p.frequency().text())
                .param("startsOn", p.startsOn())
                .param("dueDays", p.dueDays())
                .param("checklist", Json.checklist(p.checklist()))
                .param("owner", p.owner().name())
                .param("by", createdBy)
                .update();
    }

    public Optional<ScreeningPlan> find(UUID id) {
        return jdbc.sql("SELECT * FROM hazard_plan WHERE id = :id")
                .param("id", id)
                .query(PlanRows::plan)
                .optional();
    }

    /** The plan, locked until the transaction ends: one generation of its periods at a time. */
    public Optional<ScreeningPlan> lock(UUID id) {
        return jdbc.sql("SELECT * FROM hazard_plan WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PlanRows::plan)
                .optional();
    }

    /** The plans ordered in a subtree (or for it), newest first. */
    public List<ScreeningPlan> inScope(String scopePath, int limit) {
        return jdbc.sql("""
                        SELECT * FROM hazard_plan WHERE scope_path LIKE :scope || '%' OR :scope LIKE scope_path || '%'
                        ORDER BY active DESC, created_at DESC LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("limit", limit)
                .query(PlanRows::plan)
                .list();
    }

    /** The ids of the active plans whose next period has begun by {@code today}. */
    public List<UUID> dueForGeneration(LocalDate today) {
        return jdbc.sql("""
                        SELECT id FROM hazard_plan
                        WHERE active AND starts_on <= :today AND (generated_through IS NULL OR generated_through < :today)
                        ORDER BY created_at
                        """).param("today", today).query(UUID.class).list();
    }

    public void generatedThrough(UUID id, LocalDate through) {
        jdbc.sql("UPDATE hazard_plan SET generated_through = :through, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("through", through)
                .update();
    }

    public boolean stop(UUID id, int version) {
        return jdbc.sql("UPDATE hazard_plan SET active = FALSE, version = version + 1 WHERE id = :id AND version = :v")
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    static ScreeningPlan plan(ResultSet rs, int n) throws SQLException {
        String tag = rs.getString("target_tag");
        Target target = Target.Kind.valueOf(rs.getString("target_kind")) == Target.Kind.GRIDS
                ? Target.grids()
                : Target.organisations(OrganisationTag.valueOf(tag));
        int due = rs.getInt("due_days");
        Integer dueDays = rs.wasNull() ? null : due;
        java.sql.Date through = rs.getDate("generated_through");
        return new ScreeningPlan(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getLong("ordered_by_org_id"),
                rs.getString("ordered_by_name"),
                rs.getString("ordered_by_path"),
                rs.getString("scope_path"),
                target,
                Frequency.parse(rs.getString("frequency")),
                rs.getObject("starts_on", LocalDate.class),
                dueDays,
                Json.checklist(rs.getString("checklist")),
                TaskOwner.valueOf(rs.getString("owner")),
                rs.getBoolean("active"),
                through == null ? null : through.toLocalDate(),
                rs.getInt("version"));
    }
}
