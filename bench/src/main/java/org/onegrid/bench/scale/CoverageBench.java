package org.onegrid.bench.scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.onegrid.patrol.PatrolApi;
import org.onegrid.patrol.Period;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Visit coverage over many visits: generates the visits of a year (plain rows, spread over every grid of the demo
 * city, a tenth of them 无人在家) with the per-grid counters the write path keeps, then asks {@link PatrolApi#coverage}
 * for this month, this quarter and this year for the city, every county, 4 towns and 4 villages, in-process: p50, p95
 * and the slowest per level. Then the same month from the visits themselves (the custom-range path) for comparison.
 */
final class CoverageBench {

    private final ConfigurableApplicationContext app;
    private final JdbcTemplate jdbc;

    CoverageBench(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcTemplate.class);
    }

    void ensure(long visits) {
        Long have = jdbc.queryForObject("SELECT count(*) FROM patrol_visit", Long.class);
        if (have != null && have >= visits) {
            System.out.printf("Reusing %,d visits%n", have);
            return;
        }
        long started = System.nanoTime();
        jdbc.execute("DROP TABLE IF EXISTS bench_grid");
        jdbc.execute("""
                CREATE TABLE bench_grid AS
                SELECT row_number() OVER (ORDER BY g.code) - 1 AS n, g.code, r.path
                  FROM grid g JOIN region r ON r.code = g.village_code
                """);
        long grids = jdbc.queryForObject("SELECT count(*) FROM bench_grid", Long.class);
        long households = grids * 115; // about 700,000 households over the city's grids
        jdbc.update("""
                INSERT INTO patrol_grid_registered (grid_code, region_path, households, persons)
                SELECT code, path, 115, 356 FROM bench_grid
                ON CONFLICT (grid_code) DO UPDATE SET households = 115, persons = 356
                """);
        jdbc.update("""
                INSERT INTO patrol_visit (id, household_id, grid_code, region_path, visitor_id, visitor_name, outcome,
                    started_at, ended_at, visited_on, lng, lat, distance_m, far, short, persons_verified)
                SELECT gen_random_uuid(), h, g.code, g.path, 1, '网格员',
                       CASE WHEN i % 10 = 0 THEN 'NOBODY_HOME' ELSE 'MET' END,
                       now() - make_interval(days => (i % 365)::int, mins => 20), now() - make_interval(days => (i % 365)::int),
                       current_date - (i % 365)::int, 118.5, 37.4, 15, false, false,
                       CASE WHEN i % 10 = 0 THEN 0 ELSE 3 END
                  FROM generate_series(1, ?) i
                  CROSS JOIN LATERAL (SELECT (i * 7919) % ? AS h) hh
                  JOIN bench_grid g ON g.n = hh.h % ?
                """, visits, households, grids);
        System.out.printf("Generated %,d visits in %.0f s%n", visits, (System.nanoTime() - started) / 1e9);
        long counted = System.nanoTime();
        jdbc.update("""
                INSERT INTO patrol_coverage (grid_code, period, region_path, households_visited, persons_verified, visits)
                SELECT grid_code, period, min(region_path),
                       count(DISTINCT household_id) FILTER (WHERE outcome <> 'NOBODY_HOME'),
                       3 * count(DISTINCT household_id) FILTER (WHERE persons_verified > 0), count(*)
                  FROM (SELECT grid_code, region_path, household_id, outcome, persons_verified,
                               unnest(ARRAY[to_char(visited_on, 'YYYY-MM'),
                                            to_char(visited_on, 'YYYY') || '-Q' || to_char(visited_on, 'Q'),
                                            to_char(visited_on, 'YYYY')]) AS period
                          FROM patrol_visit) v
                 GROUP BY grid_code, period
                ON CONFLICT (grid_code, period) DO NOTHING
                """);
        jdbc.execute("ANALYZE");
        System.out.printf("Counters filled in %.0f s%n", (System.nanoTime() - counted) / 1e9);
    }

    void run() {
        PatrolApi patrol = app.getBean(PatrolApi.class);
        Regions regions = app.getBean(Regions.class);
        Staff staff = app.getBean(Staff.class);
        StaffPrincipal leader = staff.principal(
                        staff.findByUsername("leader").orElseThrow().id())
                .orElseThrow();
        List<RegionView> city = regions.byLevel(RegionLevel.CITY);
        List<RegionView> counties = regions.byLevel(RegionLevel.COUNTY);
        List<RegionView> towns = regions.byLevel(RegionLevel.TOWN).subList(0, 4);
        List<RegionView> villages = regions.byLevel(RegionLevel.VILLAGE).subList(0, 4);
        LocalDate today = patrol.today();
        for (String kind : List.of("month", "quarter", "year")) {
            Period period = Period.of(kind, today, null, null);
            for (var level : List.of(
                    List.of("city", city),
                    List.of("counties", counties),
                    List.of("towns", towns),
                    List.of("villages", villages))) {
                @SuppressWarnings("unchecked")
                List<RegionView> in = (List<RegionView>) level.get(1);
                for (int warm = 0; warm < 3; warm++) {
                    in.forEach(r -> patrol.coverage(r.code(), period, leader));
                }
                List<Double> ms = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    for (RegionView r : in) {
                        long t = System.nanoTime();
                        patrol.coverage(r.code(), period, leader);
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                }
                Collections.sort(ms);
                System.out.printf(
                        "coverage %-8s %-9s n=%3d p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
                        kind,
                        level.get(0),
                        ms.size(),
                        ms.get(ms.size() / 2),
                        ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
                        ms.get(ms.size() - 1));
            }
        }
        Period custom = Period.of("custom", today, today.withDayOfMonth(1), today);
        long t = System.nanoTime();
        patrol.coverage(city.get(0).code(), custom, leader);
        System.out.printf(
                "the same month as a custom range, from the visits, city: %.0f ms%n", (System.nanoTime() - t) / 1e6);
    }
}
