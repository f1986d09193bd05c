package org.onegrid.patrol.persistence;

import java.time.LocalDate;
import java.util.List;
import org.onegrid.patrol.domain.Periods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coverage counters: a household's first visit in a month, quarter and year (and its first that verified its
 * people) marks it for that period and adds it to its grid's counters, in the visit's transaction. A roll-up then
 * sums one row per grid — a city's 6,000 grids, however many visits.
 */
@Repository
public class CoverageRows {

    private final JdbcClient jdbc;

    CoverageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts a visit towards its day's periods, in one statement: the household's marks for the month, quarter and
     * year (a mark already there means an earlier visit counted it) and the grid's counters by the marks just made.
     */
    public void count(
            long householdId, String gridCode, String regionPath, LocalDate day, boolean reached, int personsVerified) {
        List<String> periods = Periods.of(day);
        jdbc.sql("""
                        WITH periods (period) AS (VALUES (:month), (:quarter), (:year)),
                        marks AS (
                            INSERT INTO patrol_period_mark (household_id, period, met)
                            SELECT :id, p.period, m.met
                              FROM periods p CROSS JOIN (VALUES (false), (true)) AS m (met)
                             WHERE (m.met AND :persons > 0) OR (NOT m.met AND :reached)
                            ON CONFLICT DO NOTHING
                            RETURNING period, met)
                        INSERT INTO patrol_coverage (grid_code, period, region_path, households_visited,
                                                     persons_verified, visits)
                        SELECT :grid, p.period, :path,
                               (SELECT count(*) FROM marks k WHERE k.period = p.period AND NOT k.met),
                               CASE WHEN EXISTS (SELECT 1 FROM marks k WHERE k.period = p.period AND k.met)
                                    THEN :persons ELSE 0 END,
                               1
                          FROM periods p
                        ON CONFLICT (grid_code, period) DO UPDATE
                           SET households_visited = patrol_coverage.households_visited + EXCLUDED.households_visited,
                               persons_verified = patrol_coverage.persons_verified + EXCLUDED.persons_verified,
                               visits = patrol_coverage.visits + 1,
                               region_path = EXCLUDED.region_path
                        """)
                .param("month", periods.get(0))
                .param("quarter", periods.get(1))
                .param("year", periods.get(2))
                .param("id", householdId)
                .param("reached", reached)
                .param("persons", personsVerified)
                .param("grid", gridCode)
                .param("path", regionPath)
                .update();
    }

    /** The figures of one part of a roll-up: a child region (by code) or a grid. */
    public record Part(String key, long householdsVisited, long personsVerified, long visits) {}

    /**
     * Sums of a period's counters over a region subtree, grouped by the path segment {@code depth} (the child
     * regions' codes), or by grid when {@code depth} is 0.
     */
    public List<Part> rollUp(String regionPath, String period, int depth) {
        String key = depth == 0 ? "grid_code" : "split_part(region_path, '/', " + depth + ")";
        return jdbc.sql("SELECT " + key + """
                         AS key, sum(households_visited) AS households_visited,
                               sum(persons_verified) AS persons_verified, sum(visits) AS visits
                          FROM patrol_coverage
                         WHERE period = :period AND region_path LIKE :path || '%'
                         GROUP BY 1
                        """)
                .param("period", period)
                .param("path", regionPath)
                .query(Part.class)
                .list();
    }

    /** The same from the visits themselves, for a custom period (from, to inclusive). */
    public List<Part> rollUpVisits(String regionPath, LocalDate from, LocalDate to, int depth) {
        String key = depth == 0 ? "grid_code" : "split_part(region_path, '/', " + depth + ")";
        return jdbc.sql("SELECT key, count(*) FILTER (WHERE reached) AS households_visited, "
                        + "sum(persons) AS persons_verified, sum(visits) AS visits FROM (SELECT " + key + """
                         AS key, household_id, bool_or(outcome <> 'NOBODY_HOME') AS reached,
                               max(persons_verified) AS persons, count(*) AS visits
                          FROM patrol_visit
                         WHERE visited_on BETWEEN :from AND :to AND region_path LIKE :path || '%'
                         GROUP BY 1, 2) per_household GROUP BY key
                        """)
                .param("from", from)
                .param("to", to)
                .param("path", regionPath)
                .query(Part.class)
                .list();
    }

    /** Registered households and persons of a region subtree, grouped as {@link #rollUp}. */
    public List<Part> registered(String regionPath, int depth) {
        String key = depth == 0 ? "grid_code" : "split_part(region_path, '/', " + depth + ")";
        return jdbc.sql("SELECT " + key + """
                         AS key, sum(households) AS households_visited, sum(persons) AS persons_verified, 0 AS visits
                          FROM patrol_grid_registered WHERE region_path LIKE :path || '%'
                         GROUP BY 1
                        """)
                .param("path", regionPath)
                .query(Part.class)
                .list();
    }

    /** Keeps the registry's counts of grids (replacing those of the same grids). */
    public void keepRegistered(String gridCode, String regionPath, int households, int persons) {
        jdbc.sql("""
                        INSERT INTO patrol_grid_registered (grid_code, region_path, households, persons)
                        VALUES (:grid, :path, :households, :persons)
                        ON CONFLICT (grid_code) DO UPDATE
                           SET region_path = EXCLUDED.region_path, households = EXCLUDED.households,
                               persons = EXCLUDED.persons, counted_at = now()
                        """)
                .param("grid", gridCode)
                .param("path", regionPath)
                .param("households", households)
                .param("persons", persons)
                .update();
    }

    /** Grids of the subtree whose households were all cancelled count nothing any more. */
    public void forgetRegisteredExcept(String regionPath, List<String> grids) {
        jdbc.sql("""
                        UPDATE patrol_grid_registered SET households = 0, persons = 0, counted_at = now()
                         WHERE region_path LIKE :path || '%' AND NOT (grid_code = ANY(:grids))
                        """)
                .param("path", regionPath)
                .param("grids", grids.toArray(String[]::new))
                .update();
    }
}
