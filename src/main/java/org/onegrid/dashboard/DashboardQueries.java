package org.onegrid.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CategoryView;
import org.onegrid.dashboard.DashboardViews.CategoriesView;
import org.onegrid.dashboard.DashboardViews.CategoryCount;
import org.onegrid.dashboard.DashboardViews.DepartmentRate;
import org.onegrid.dashboard.DashboardViews.KpisView;
import org.onegrid.dashboard.DashboardViews.Marker;
import org.onegrid.dashboard.DashboardViews.MarkersView;
import org.onegrid.dashboard.DashboardViews.RankingView;
import org.onegrid.dashboard.DashboardViews.ShadingView;
import org.onegrid.dashboard.DashboardViews.TrendView;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, as plain SQL on its read model, each within a region's subtree ({@code region_path LIKE
 * path%}, served by the read model's indexes on the region path).
 */
@Component
class DashboardQueries {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final int WINDOW_DAYS = 30;
    static final int RANKING_DAYS = 90;
    static final int RANKING_MINIMUM = 3;
    private static final int SINGLE_MARKERS_MAX = 2000;

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final Catalog catalog;
    private final Clock clock;

    DashboardQueries(JdbcClient jdbc, Regions regions, Organisations organisations, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.catalog = catalog;
        this.clock = clock;
    }

    KpisView kpis(RegionView region) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        Instant since = now.minus(Duration.ofDays(WINDOW_DAYS));
        // three scalar subqueries, one per index: reported by day, closed in the window, open now
        Map<String, Object> row = jdbc.sql("""
                        SELECT r.reported_today, r.reported_month,
                               c.closed, c.on_time, c.grassroots, c.satisfied, c.evaluated,
                               o.open, o.overdue
                          FROM (SELECT count(*) FILTER (WHERE reported_at >= :today) AS reported_today,
                                       count(*) AS reported_month
                                  FROM dashboard_incident
                                 WHERE region_path LIKE :scope AND reported_at >= :month) r,
                               (SELECT count(*) AS closed,
                                       count(*) FILTER (WHERE on_time) AS on_time,
                                       count(*) FILTER (WHERE resolution_level IN ('GRID', 'VILLAGE', 'TOWN'))
                                           AS grassroots,
                                       count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'))
                                           AS satisfied,
                                       count(*) FILTER (WHERE satisfaction IS NOT NULL) AS evaluated
                                  FROM dashboard_incident
                                 WHERE region_path LIKE :scope AND closed_at IS NOT NULL AND closed_at >= :since) c,
                               (SELECT count(*) AS open, count(*) FILTER (WHERE deadline < :now) AS overdue
                                  FROM dashboard_incident
                                 WHERE region_path LIKE :scope AND open) o
                        """)
                .param("scope", region.path() + "%")
                .param("today", ts(today.atStartOfDay(LOCAL).toInstant()))
                .param("month", ts(today.withDayOfMonth(1).atStartOfDay(LOCAL).toInstant()))
                .param("since", ts(since))
                .param("now", ts(now))
                .query()
                .singleRow();
        long closed = n(row, "closed");
        long overdue = n(row, "overdue");
        long evaluated = n(row, "evaluated");
        return new KpisView(
                region.code(),
                n(row, "reported_today"),
                n(row, "reported_month"),
                WINDOW_DAYS,
                closed,
                rate(closed, closed + overdue),
                rate(n(row, "on_time"), closed),
                rate(n(row, "grassroots"), closed),
                n(row, "open"),
                overdue,
                rate(n(row, "satisfied"), evaluated),
                evaluated);
    }

    TrendView trend(RegionView region) {
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        LocalDate first = today.minusDays(WINDOW_DAYS - 1);
        Instant from = first.atStartOfDay(LOCAL).toInstant();
        Map<LocalDate, Long> reported = perDay("reported_at", region, from);
        Map<LocalDate, Long> closed = perDay("closed_at", region, from);
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        return new TrendView(
                region.code(),
                days,
                days.stream().map(d -> reported.getOrDefault(d, 0L)).toList(),
                days.stream().map(d -> closed.getOrDefault(d, 0L)).toList());
    }

    private Map<LocalDate, Long> perDay(String column, RegionView region, Instant from) {
        Map<LocalDate, Long> out = new HashMap<>();
        jdbc.sql("SELECT (" + column + " AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n"
                        + " FROM dashboard_incident WHERE region_path LIKE :scope AND " + column + " >= :from"
                        + " GROUP BY 1")
                .param("scope", region.path() + "%")
                .param("from", ts(from))
                .query((rs, i) -> out.put(rs.getObject("day", LocalDate.class), rs.getLong("n")))
                .list();
        return out;
    }

    CategoriesView categories(RegionView region) {
        Map<String, String> names = new HashMap<>();
        for (CategoryView c : catalog.categories(true)) {
            names.put(c.code(), c.name());
        }
        List<CategoryCount> counts = jdbc.sql("""
                        SELECT category_code, count(*) AS n FROM dashboard_incident
                         WHERE region_path LIKE :scope AND reported_at >= :from
                         GROUP BY category_code ORDER BY n DESC, category_code
                        """)
                .param("scope", region.path() + "%")
                .param("from", ts(clock.instant().minus(Duration.ofDays(WINDOW_DAYS))))
                .query((rs, i) -> {
                    String code = rs.getString("category_code");
                    return new CategoryCount(
                            code, code == null ? "未分类" : names.getOrDefault(code, code), rs.getLong("n"));
                })
                .list();
        return new CategoriesView(region.code(), WINDOW_DAYS, counts);
    }

    RankingView ranking(RegionView region) {
        List<DepartmentRate> rates = jdbc.sql("""
                        SELECT lead_org_id, count(*) AS closed, count(*) FILTER (WHERE on_time) AS on_time
                          FROM dashboard_incident
                         WHERE region_path LIKE :scope AND closed_at IS NOT NULL AND closed_at >= :from
                           AND lead_org_id IS NOT NULL
                         GROUP BY lead_org_id HAVING count(*) >= :minimum
                         ORDER BY count(*) FILTER (WHERE on_time)::float / count(*) DESC, count(*) DESC, lead_org_id
                         LIMIT 15
                        """)
                .param("scope", region.path() + "%")
                .param("from", ts(clock.instant().minus(Duration.ofDays(RANKING_DAYS))))
                .param("minimum", RANKING_MINIMUM)
                .query((rs, i) -> {
                    long org = rs.getLong("lead_org_id");
                    long closed = rs.getLong("closed");
                    long onTime = rs.getLong("on_time");
                    return new DepartmentRate(
                            org,
                            organisations.find(org).map(OrganisationView::name).orElse("#" + org),
                            closed,
                            onTime,
                            (double) onTime / closed);
                })
                .list();
        return new RankingView(region.code(), RANKING_DAYS, RANKING_MINIMUM, rates);
    }

    MarkersView markers(RegionView region) {
        String groupBy = switch (region.level()) {
            case CITY -> "town_code";
            case COUNTY -> "village_code";
            default -> null;
        };
        Instant now = clock.instant();
        if (groupBy == null) {
            List<Marker> single = jdbc.sql("""
                            SELECT id, item_name, status, longitude, latitude, deadline < :now AS overdue
                              FROM dashboard_incident
                             WHERE region_path LIKE :scope AND open AND longitude IS NOT NULL
                             ORDER BY reported_at DESC LIMIT :max
                            """)
                    .param("scope", region.path() + "%")
                    .param("now", ts(now))
                    .param("max", SINGLE_MARKERS_MAX)
                    .query((rs, i) -> new Marker(
                            null,
                            null,
                            rs.getDouble("longitude"),
                            rs.getDouble("latitude"),
                            1,
                            rs.getBoolean("overdue") ? 1 : 0,
                            rs.getString("id"),
                            rs.getString("item_name"),
                            rs.getString("status")))
                    .list();
            return new MarkersView(region.code(), false, single);
        }
        List<Marker> clusters = jdbc.sql("SELECT " + groupBy + " AS code, count(*) AS n,"
                        + " count(*) FILTER (WHERE deadline < :now) AS overdue,"
                        + " avg(longitude) AS lng, avg(latitude) AS lat"
                        + " FROM dashboard_incident WHERE region_path LIKE :scope AND open AND longitude IS NOT NULL"
                        + " GROUP BY 1 ORDER BY 1")
                .param("scope", region.path() + "%")
                .param("now", ts(now))
                .query((rs, i) -> {
                    String code = rs.getString("code");
                    return new Marker(
                            code,
                            regions.find(code).map(RegionView::name).orElse(code),
                            rs.getDouble("lng"),
                            rs.getDouble("lat"),
                            rs.getLong("n"),
                            rs.getLong("overdue"),
                            null,
                            null,
                            null);
                })
                .list();
        return new MarkersView(region.code(), true, clusters);
    }

    ShadingView shading(RegionView region) {
        boolean counties = region.level() == RegionLevel.CITY;
        Map<String, Long> open = new LinkedHashMap<>();
        jdbc.sql("SELECT " + (counties ? "county_code" : "grid_code") + " AS code, count(*) AS n"
                        + " FROM dashboard_incident WHERE region_path LIKE :scope AND open GROUP BY 1 ORDER BY 1")
                .param("scope", region.path() + "%")
                .query((rs, i) -> open.put(rs.getString("code"), rs.getLong("n")))
                .list();
        long max = open.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new ShadingView(region.code(), counties ? "counties" : "grids", open, max);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
