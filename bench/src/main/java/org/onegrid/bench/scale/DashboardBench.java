package org.onegrid.bench.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's data endpoints over HTTP, signed in as the city's leader, for the city, every county, some towns and
 * villages, one request after another as the page makes them: p50, p95 and the slowest per endpoint and level. Then
 * the same figures by a plain {@code GROUP BY} over the incident table, timed, and checked equal to the answers.
 */
final class DashboardBench {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final List<String> ENDPOINTS =
            List.of("kpis", "trend", "categories", "ranking", "markers", "shading");
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 20;

    private final ApplicationContext app;
    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private String token;

    DashboardBench(ApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    void run() throws Exception {
        token = json.readTree(post("/api/v1/auth/token", "{\"username\":\"leader\",\"password\":\"Demo@2026\"}"))
                .get("token")
                .asString();
        Regions regions = app.getBean(Regions.class);
        List<RegionView> scopes = new ArrayList<>();
        scopes.add(regions.byLevel(RegionLevel.CITY).get(0));
        scopes.addAll(regions.byLevel(RegionLevel.COUNTY));
        List<RegionView> towns = regions.byLevel(RegionLevel.TOWN);
        List<RegionView> villages = regions.byLevel(RegionLevel.VILLAGE);
        for (int i = 0; i < 4; i++) {
            scopes.add(towns.get(i * towns.size() / 4));
        }
        for (int i = 0; i < 2; i++) {
            scopes.add(villages.get(i * villages.size() / 2));
        }
        System.out.printf(
                "%nDashboard endpoints, signed in as leader, %d regions (city, %d counties, 4 towns, 2 villages),"
                        + " %d rounds after %d of warm-up, one request at a time%n",
                scopes.size(), scopes.size() - 7, ROUNDS, WARM_UP);
        Map<String, List<Double>> times = new TreeMap<>();
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            for (RegionView region : scopes) {
                for (String endpoint : ENDPOINTS) {
                    long started = System.nanoTime();
                    get("/api/v1/dashboard/" + endpoint + "?region=" + region.code());
                    double ms = (System.nanoTime() - started) / 1e6;
                    if (round >= 0) {
                        times.computeIfAbsent(endpoint + " " + region.level(), k -> new ArrayList<>())
                                .add(ms);
                    }
                }
            }
        }
        System.out.printf("%-12s %-8s %8s %8s %8s %6s%n", "endpoint", "level", "p50 ms", "p95 ms", "max ms", "n");
        for (String endpoint : ENDPOINTS) {
            for (RegionLevel level :
                    List.of(RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWN, RegionLevel.VILLAGE)) {
                List<Double> t = times.get(endpoint + " " + level);
                if (t != null) {
                    double[] s =
                            t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    System.out.printf(
                            "%-12s %-8s %8.1f %8.1f %8.1f %6d%n",
                            endpoint, level, pct(s, 50), pct(s, 95), s[s.length - 1], s.length);
                }
            }
        }
        System.out.printf(
                "%nThe same figures by a plain GROUP BY over the incident table (best of 3), checked equal to the"
                        + " endpoints' answers; kpis-rows: the KPIs from the read model's rows, as before the daily"
                        + " counters%n");
        System.out.printf(
                "%-10s %-8s %10s %14s %10s %12s %10s  %s%n",
                "region", "level", "kpis ms", "kpis-rows ms", "trend ms", "categories", "ranking", "same answers");
        for (RegionView region : scopes.subList(0, Math.min(scopes.size(), 8))) {
            compare(region);
        }
    }

    private void compare(RegionView region) throws Exception {
        // the endpoint's answer first, at the moment the SQL counts "overdue" for: a deadline that passes while the
        // slow SQL runs must not count as a difference
        Instant now = Instant.now();
        JsonNode kpis = json.readTree(get("/api/v1/dashboard/kpis?region=" + region.code()));
        LocalDate today = LocalDate.now(LOCAL);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate since30 = today.minusDays(29);
        LocalDate since90 = today.minusDays(89);
        String scope = region.path() + "%";
        List<String> differences = new ArrayList<>();

        double[] kpiMs = new double[1];
        Map<String, Object> k = best(
                kpiMs,
                () -> jdbc.queryForMap(
                        """
                SELECT count(*) FILTER (WHERE reported_at >= ? AND reported_at < ?) AS reported_today,
                       count(*) FILTER (WHERE reported_at >= ?) AS reported_month,
                       count(*) FILTER (WHERE closed_at >= ?) AS closed,
                       count(*) FILTER (WHERE closed_at >= ? AND overdues = 0) AS on_time,
                       count(*) FILTER (WHERE closed_at >= ? AND resolution_level IN ('GRID', 'VILLAGE', 'TOWN'))
                           AS grassroots,
                       count(*) FILTER (WHERE closed_at >= ? AND satisfaction IS NOT NULL) AS evaluated,
                       count(*) FILTER (WHERE status NOT IN ('CLOSED', 'REJECTED', 'MERGED')) AS open,
                       count(*) FILTER (WHERE status NOT IN ('CLOSED', 'REJECTED', 'MERGED') AND stage_deadline < ?)
                           AS overdue
                  FROM incident WHERE region_path LIKE ?
                """,
                        start(today),
                        start(today.plusDays(1)),
                        start(month),
                        start(since30),
                        start(since30),
                        start(since30),
                        start(since30),
                        Timestamp.from(now),
                        scope));
        // the KPIs as the dashboard computed them before its daily counters: from the read model's rows
        double[] rowsMs = new double[1];
        best(
                rowsMs,
                () -> jdbc.queryForMap(
                        """
                SELECT r.reported_today, r.reported_month, c.closed, c.on_time, o.open, o.overdue
                  FROM (SELECT count(*) FILTER (WHERE reported_at >= ?) AS reported_today, count(*) AS reported_month
                          FROM dashboard_incident WHERE region_path LIKE ? AND reported_at >= ?) r,
                       (SELECT count(*) AS closed, count(*) FILTER (WHERE on_time) AS on_time,
                               count(*) FILTER (WHERE resolution_level IN ('GRID', 'VILLAGE', 'TOWN')) AS grassroots,
                               count(*) FILTER (WHERE satisfaction IS NOT NULL) AS evaluated
                          FROM dashboard_incident WHERE region_path LIKE ? AND closed_at IS NOT NULL
                           AND closed_at >= ?) c,
                       (SELECT count(*) AS open, count(*) FILTER (WHERE deadline < ?) AS overdue
                          FROM dashboard_incident WHERE region_path LIKE ? AND open) o
                """, start(today), scope, start(month), scope, start(since30), Timestamp.from(now), scope));
        for (var e : Map.of(
                        "reported_today", "reportedToday",
                        "reported_month", "reportedThisMonth",
                        "closed", "closed",
                        "evaluated", "evaluated",
                        "open", "open",
                        "overdue", "overdue")
                .entrySet()) {
            long expected = ((Number) k.get(e.getKey())).longValue();
            if (kpis.get(e.getValue()).asLong() != expected) {
                differences.add(e.getValue() + " " + kpis.get(e.getValue()) + " vs " + expected);
            }
        }
        long closed = ((Number) k.get("closed")).longValue();
        long onTime = ((Number) k.get("on_time")).longValue();
        if (closed > 0 && Math.abs(kpis.get("onTimeRate").asDouble() - (double) onTime / closed) > 1e-9) {
            differences.add("onTimeRate");
        }

        double[] trendMs = new double[1];
        Map<String, long[]> trend = best(trendMs, () -> {
            Map<String, long[]> out = new TreeMap<>();
            jdbc.query(
                    """
                    SELECT day, sum(r) AS reported, sum(c) AS closed FROM (
                        SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day, 1 AS r, 0 AS c
                          FROM incident WHERE region_path LIKE ? AND reported_at >= ?
                        UNION ALL
                        SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, 0, 1
                          FROM incident WHERE region_path LIKE ? AND closed_at >= ?) d GROUP BY day
                    """,
                    rs -> {
                        out.put(rs.getString("day"), new long[] {rs.getLong("reported"), rs.getLong("closed")});
                    },
                    scope,
                    start(since30),
                    scope,
                    start(since30));
            return out;
        });
        JsonNode t = json.readTree(get("/api/v1/dashboard/trend?region=" + region.code()));
        for (int i = 0; i < t.get("days").size(); i++) {
            long[] expected = trend.getOrDefault(t.get("days").get(i).asString(), new long[2]);
            if (t.get("reported").get(i).asLong() != expected[0]
                    || t.get("closed").get(i).asLong() != expected[1]) {
                differences.add("trend " + t.get("days").get(i).asString());
            }
        }

        double[] categoriesMs = new double[1];
        Map<String, Long> categories = best(categoriesMs, () -> {
            Map<String, Long> out = new TreeMap<>();
            jdbc.query(
                    "SELECT coalesce(category_code, '') AS c, count(*) AS n FROM incident"
                            + " WHERE region_path LIKE ? AND reported_at >= ? GROUP BY 1",
                    rs -> {
                        out.put(rs.getString("c"), rs.getLong("n"));
                    },
                    scope,
                    start(since30));
            return out;
        });
        Map<String, Long> answered = new TreeMap<>();
        json.readTree(get("/api/v1/dashboard/categories?region=" + region.code()))
                .get("categories")
                .forEach(c -> answered.put(
                        c.get("code").isNull() ? "" : c.get("code").asString(),
                        c.get("count").asLong()));
        if (!answered.equals(categories)) {
            differences.add("categories " + answered + " vs " + categories);
        }

        double[] rankingMs = new double[1];
        List<String> ranking = best(
                rankingMs,
                () -> jdbc.query(
                        """
                SELECT * FROM (
                    SELECT lead_org_id, count(*) AS closed, count(*) FILTER (WHERE overdues = 0) AS on_time
                      FROM incident WHERE region_path LIKE ? AND closed_at >= ? AND lead_org_id IS NOT NULL
                     GROUP BY lead_org_id HAVING count(*) >= 3
                     ORDER BY count(*) DESC, lead_org_id LIMIT 15) r
                 ORDER BY on_time::float / closed DESC, closed DESC, lead_org_id
                """,
                        (rs, i) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3),
                        scope,
                        start(since90)));
        List<String> rankingAnswered = new ArrayList<>();
        json.readTree(get("/api/v1/dashboard/ranking?region=" + region.code()))
                .get("departments")
                .forEach(d -> rankingAnswered.add(d.get("orgId").asLong() + ":"
                        + d.get("closed").asLong() + ":" + d.get("onTime").asLong()));
        if (!rankingAnswered.equals(ranking)) {
            differences.add("ranking " + rankingAnswered + " vs " + ranking);
        }
        System.out.printf(
                "%-10s %-8s %10.1f %14.1f %10.1f %12.1f %10.1f  %s%n",
                region.code(),
                region.level(),
                kpiMs[0],
                rowsMs[0],
                trendMs[0],
                categoriesMs[0],
                rankingMs[0],
                differences.isEmpty() ? "yes" : "NO: " + differences);
    }

    private interface Query<T> {
        T run() throws Exception;
    }

    private static <T> T best(double[] ms, Query<T> query) throws Exception {
        T result = null;
        ms[0] = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            result = query.run();
            ms[0] = Math.min(ms[0], (System.nanoTime() - started) / 1e6);
        }
        return result;
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LOCAL).toInstant());
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
