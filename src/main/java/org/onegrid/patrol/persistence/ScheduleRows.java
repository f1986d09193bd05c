package org.onegrid.patrol.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onegrid.patrol.domain.Schedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code patrol_household} table: each household's visit schedule. */
@Repository
public class ScheduleRows {

    private final JdbcClient jdbc;

    ScheduleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ScheduleRow(long householdId, String gridCode, String regionPath, int persons, Schedule schedule) {}

    private static final String SELECT = """
            SELECT household_id, grid_code, region_path, persons, every_days, last_visit_on, next_due_on, revisit_by
              FROM patrol_household
            """;

    public Optional<ScheduleRow> find(long householdId) {
        return jdbc.sql(SELECT + " WHERE household_id = :id")
                .param("id", householdId)
                .query(ScheduleRows::row)
                .optional();
    }

    /** Locks the household's schedule for a visit: two visits recorded at once move it on one after the other. */
    public Optional<ScheduleRow> lock(long householdId) {
        return jdbc.sql(SELECT + " WHERE household_id = :id FOR UPDATE")
                .param("id", householdId)
                .query(ScheduleRows::row)
                .optional();
    }

    public List<ScheduleRow> ofGrids(List<String> grids) {
        if (grids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE active AND grid_code = ANY(:grids)")
                .param("grids", grids.toArray(String[]::new))
                .query(ScheduleRows::row)
                .list();
    }

    /**
     * Takes in a household as the registry has it now: a new one gets its first schedule, a known one its grid,
     * persons and (when its tags changed) its interval.
     */
    public void upsert(long householdId, String gridCode, String regionPath, int persons, Schedule schedule) {
        jdbc.sql("""
                        INSERT INTO patrol_household (household_id, grid_code, region_path, every_days, persons,
                                                      last_visit_on, next_due_on, revisit_by, active)
                        VALUES (:id, :grid, :path, :every, :persons, :last, :next, :revisit, TRUE)
                        ON CONFLICT (household_id) DO UPDATE
                           SET grid_code = EXCLUDED.grid_code, region_path = EXCLUDED.region_path,
                               persons = EXCLUDED.persons, active = TRUE, every_days = EXCLUDED.every_days,
                               next_due_on = CASE WHEN patrol_household.every_days = EXCLUDED.every_days
                                                  THEN patrol_household.next_due_on
                                                  ELSE COALESCE(patrol_household.last_visit_on + EXCLUDED.every_days,
                                                                patrol_household.next_due_on) END
                        """)
                .param("id", householdId)
                .param("grid", gridCode)
                .param("path", regionPath)
                .param("every", schedule.everyDays())
                .param("persons", persons)
                .param("last", schedule.lastVisitOn())
                .param("next", schedule.nextDueOn())
                .param("revisit", schedule.revisitBy())
                .update();
    }

    /** Households of the grids no longer in the registry (cancelled) are not visited any more. */
    public void retireOthers(List<String> grids, List<Long> present) {
        jdbc.sql("""
                        UPDATE patrol_household SET active = FALSE
                         WHERE grid_code = ANY(:grids) AND active AND NOT (household_id = ANY(:present))
                        """)
                .param("grids", grids.toArray(String[]::new))
                .param("present", present.toArray(Long[]::new))
                .update();
    }

    public void save(long householdId, Schedule s) {
        jdbc.sql("""
                        UPDATE patrol_household SET last_visit_on = :last, next_due_on = :next, revisit_by = :revisit
                         WHERE household_id = :id
                        """)
                .param("id", householdId)
                .param("last", s.lastVisitOn())
                .param("next", s.nextDueOn())
                .param("revisit", s.revisitBy())
                .update();
    }

    /** Households of a region subtree with a revisit past its day. */
    public long overdueRevisits(String regionPath, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FROM patrol_household
                         WHERE region_path LIKE :path || '%' AND revisit_by IS NOT NULL AND revisit_by < :today AND active
                        """)
                .param("path", regionPath)
                .param("today", today)
                .query(Long.class)
                .single();
    }

    /** A page of the households of a region subtree not visited in the period (no mark for it), by id. */
    public List<Long> notVisited(String regionPath, String gridCode, String period, int page, int size) {
        return jdbc.sql("""
                        SELECT h.household_id FROM patrol_household h
                         WHERE h.active AND h.region_path LIKE :path || '%'
                           AND (CAST(:grid AS TEXT) IS NULL OR h.grid_code = :grid)
                           AND NOT EXISTS (SELECT 1 FROM patrol_period_mark m
                                            WHERE m.household_id = h.household_id AND m.period = :period AND NOT m.met)
                         ORDER BY h.grid_code, h.household_id
                         LIMIT :size OFFSET :offset
                        """)
                .param("path", regionPath)
                .param("grid", gridCode)
                .param("period", period)
                .param("size", size)
                .param("offset", page * size)
                .query(Long.class)
                .list();
    }

    private static ScheduleRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ScheduleRow(
                rs.getLong("household_id"),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                rs.getInt("persons"),
                new Schedule(
                        rs.getInt("every_days"),
                        rs.getObject("last_visit_on", LocalDate.class),
                        rs.getObject("next_due_on", LocalDate.class),
                        rs.getObject("revisit_by", LocalDate.class)));
    }
}
