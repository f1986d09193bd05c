package org.onegrid.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.onegrid.shared.config.CityTime;
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

    static final ZoneId LOCAL = CityTime.ZONE;
    static final int WINDOW_DAYS = 30;
    static final int RANKING_DAYS = 90;
    static final int RANKING_MINIMUM = 3;
    static final int RANKING_SHOWN = 15;
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
        LocalDate month = today.withDayOfMonth(1);
        LocalDate since = today.minusDays(WINDOW_DAYS - 1);
        LocalDate from = month.isBefore(since) ? month : since;
        // the windows' sums from the daily counters, and what is open now from the open rows' index
        Map<String, Object> row = jdbc.sql("SELECT r.reported_today, r.reported_month, r.closed, r.on_time,"
                        + " r.grassroots, r.satisfied, r.evaluated, o.open, o.overdue"
                        + " FROM (SELECT coalesce(sum(reported) FILTER (WHERE day = :today), 0) AS reported_today,"
                        + "              coalesce(sum(reported) FILTER (WHERE day >= :month), 0) AS reported_month,"
                        + "              coalesce(sum(closed) FILTER (WHERE day >= :since), 0) AS closed,"
                        + "              coalesce(sum(on_time) FILTER (WHERE day >= :since), 0) AS on_time,"
                        + "              coalesce(sum(grassroots) FILTER (WHERE day >= :since), 0) AS grassroots,"
                        + "              coalesce(sum(satisfied) FILTER (WHERE day >= :since), 0) AS satisfied,"
                        + "              coalesce(sum(evaluated) FILTER (WHERE day >= :since), 0) AS evaluated"
                        + "         FROM " + days(region) + ") r,"
                        + "      (SELECT count(*) AS open, count(*) FILTER (WHERE deadline < :now) AS overdue"
                        + "         FROM dashboard_incident WHERE region_path LIKE :scope AND open) o")
                .param("scope", region.path() + "%")
                .param("from", from)
                .param("fromInstant", ts(from.atStartOfDay(LOCAL).toInstant()))
                .param("today", today)
                .param("month", month)
                .param("since", since)
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
        Map<LocalDate, Long> reported = new HashMap<>();
        Map<LocalDate, Long> closed = new HashMap<>();
        jdbc.sql("SELECT day, sum(reported) AS reported, sum(closed) AS closed FROM " + days(region) + " GROUP BY day")
                .param("scope", region.path() + "%")
                .param("from", first)
                .param("fromInstant", ts(first.atStartOfDay(LOCAL).toInstant()))
                .query((rs, i) -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    reported.put(day, rs.getLong("reported"));
                    return closed.put(day, rs.getLong("closed"));
                })
                .list();
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        return new TrendView(
                region.code(),
                days,
                days.stream().map(d -> reported.getOrDefault(d, 0L)).toList(),
                days.stream().map(d -> closed.getOrDefault(d, 0L)).toList());
    }

    CategoriesView categories(RegionView region) {
        Map<String, String> names = new HashMap<>();
        for (CategoryView c : catalog.categories(true)) {
            names.put(c.code(), c.name());
        }
        LocalDate first = LocalDate.now(clock.withZone(LOCAL)).minusDays(WINDOW_DAYS - 1);
        List<CategoryCount> counts = jdbc.sql("SELECT category_code, sum(reported) AS n FROM " + days(region)
                        + " GROUP BY category_code HAVING sum(reported) > 0 ORDER BY n DESC, category_code")
                .param("scope", region.path() + "%")
                .param("from", first)
                .param("fromInstant", ts(first.atStartOfDay(LOCAL).toInstant()))
                .query((rs, i) -> {
                    String code = rs.getString("category_code");
                    code = code.isEmpty() ? null : code;
                    return new CategoryCount(
                            code, code == null ? "未分类" : names.getOrDefault(code, code), rs.getLong("n"));
                })
                .list();
        return new CategoriesView(region.code(), WINDOW_DAYS, counts);
    }

    RankingView ranking(RegionView region) {
        LocalDate first = LocalDate.now(clock.withZone(LOCAL)).minusDays(RANKING_DAYS - 1);
        String departmentDays = region.level() == RegionLevel.VILLAGE
                ? "(SELECT lead_org_id, 1 AS closed, on_time::int AS on_time FROM dashboard_incident"
                        + " WHERE region_path LIKE :scope AND closed_at >= :fromInstant AND lead_org_id IS NOT NULL) d"
                : "dashboard_day_department WHERE area_path LIKE :scope AND day >= :from";
        // the departments with the most closings, the laggards among them as well as the best, best first
        List<DepartmentRate> rates = jdbc.sql("SELECT * FROM (SELECT lead_org_id, sum(closed) AS closed,"
                        + " sum(on_time) AS on_time FROM " + departmentDays
                        + " GROUP BY lead_org_id HAVING sum(closed) >= :minimum"
                        + " ORDER BY sum(closed) DESC, lead_org_id LIMIT :shown) r"
                        + " ORDER BY on_time::float / closed DESC, closed DESC, lead_org_id")
                .param("scope", region.path() + "%")
                .param("from", first)
                .param("fromInstant", ts(first.atStartOfDay(LOCAL).toInstant()))
                .param("minimum", RANKING_MINIMUM)
                .param("shown", RANKING_SHOWN)
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

    /**
     * The per-day counts of a region from {@code :from} (a local date; {@code :fromInstant} its start) with the
     * columns of {@code dashboard_day}: from the daily counters, which count per town, or for a village from its
     * own rows, which are few.
     */
    private static String days(RegionView region) {
        if (region.level() != RegionLevel.VILLAGE) {
            return "dashboard_day WHERE area_path LIKE :scope AND day >= :from";
        }
        return """
                (SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                        coalesce(category_code, '') AS category_code, 1 AS reported, 0 AS closed, 0 AS on_time,
                        0 AS grassroots, 0 AS evaluated, 0 AS satisfied
                   FROM dashboard_incident WHERE region_path LIKE :scope AND reported_at >= :fromInstant
                 UNION ALL
                 SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, coalesce(category_code, ''), 0, 1, on_time::int,
                        coalesce(resolution_level IN ('GRID', 'VILLAGE', 'TOWN'), FALSE)::int,
                        (satisfaction IS NOT NULL)::int,
                        coalesce(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE)::int
                   FROM dashboard_incident WHERE region_path LIKE :scope AND closed_at >= :fromInstant) d
                """;
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
