package org.onegrid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.dashboard.DashboardViews.KpisView;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

/** The dashboard's figures follow the incidents, stay within the caller's scope, and the stream says when. */
@IntegrationTest
class DashboardTests {

    /** 噪音扰民, a grid item of the demo catalog: a grid worker may resolve it on the spot. */
    static final String NOISE = "MDJF-010";

    static final String HEKOU = "370503";
    static final String GUANGRAO = "370523";

    @LocalServerPort
    int port;

    @Autowired
    org.onegrid.worktime.WorkCalendars calendars;

    @Autowired
    IncidentApi incidents;

    @Autowired
    DashboardQueries queries;

    @Autowired
    DashboardScope scope;

    @Autowired
    Regions regions;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportCountsAsReportedTodayAndResolvingItCountsAsClosedAtTheGrassroots() {
        RegionView county = regions.find(HEKOU).orElseThrow();
        GridView grid = grids.inRegion(HEKOU).get(3);
        StaffPrincipal worker = principal("gw" + grid.code());
        KpisView before = queries.kpis(county);

        IncidentView reported = report(grid, worker);

        KpisView afterReport = queries.kpis(county);
        assertThat(afterReport.reportedToday()).isEqualTo(before.reportedToday() + 1);
        assertThat(afterReport.reportedThisMonth()).isEqualTo(before.reportedThisMonth() + 1);
        assertThat(afterReport.open()).isEqualTo(before.open() + 1);
        assertThat(afterReport.closed()).isEqualTo(before.closed());

        resolve(reported, worker);

        KpisView afterClose = queries.kpis(county);
        assertThat(afterClose.closed()).isEqualTo(before.closed() + 1);
        assertThat(afterClose.open()).isEqualTo(before.open());
        assertThat(afterClose.reportedToday()).isEqualTo(afterReport.reportedToday());
        // resolved on the spot by the grid worker, in time: on time and at the grassroots
        long closed = afterClose.closed();
        assertThat(Math.round(afterClose.grassrootsRate() * closed))
                .isEqualTo(
                        before.grassrootsRate() == null
                                ? 1
                                : Math.round(before.grassrootsRate() * before.closed()) + 1);
        assertThat(Math.round(afterClose.onTimeRate() * closed))
                .isEqualTo(before.onTimeRate() == null ? 1 : Math.round(before.onTimeRate() * before.closed()) + 1);
        List<Long> reportedPerDay = queries.trend(county).reported();
        assertThat(reportedPerDay.get(reportedPerDay.size() - 1)).isEqualTo(afterClose.reportedToday());
    }

    @Test
    void theDailyCountersAlwaysAddUpToTheIncidentsTheyCount() {
        GridView grid = grids.inRegion(HEKOU).get(7);
        StaffPrincipal worker = principal("gw" + grid.code());
        resolve(report(grid, worker), worker);
        report(grid, worker);

        // what the trigger keeps, against the same sums from the read model's rows
        assertThat(jdbc.sql(COUNTERS).query().listOfRows())
                .isEqualTo(jdbc.sql(COUNTED_FROM_ROWS).query().listOfRows());
        assertThat(jdbc.sql(DEPARTMENT_COUNTERS).query().listOfRows())
                .isEqualTo(jdbc.sql(DEPARTMENTS_COUNTED_FROM_ROWS).query().listOfRows());
    }

    @Test
    void aVillageCountsItsOwnReportsLikeItsTown() {
        GridView grid = grids.inRegion(HEKOU).get(9);
        RegionView village = regions.find(grid.villageCode()).orElseThrow();
        RegionView town = regions.find(village.parentCode()).orElseThrow();
        KpisView villageBefore = queries.kpis(village);
        KpisView townBefore = queries.kpis(town);

        report(grid, principal("gw" + grid.code()));

        assertThat(queries.kpis(village).reportedToday()).isEqualTo(villageBefore.reportedToday() + 1);
        assertThat(queries.kpis(town).reportedToday()).isEqualTo(townBefore.reportedToday() + 1);
        assertThat(queries.trend(village).reported().get(WINDOW_LAST))
                .isEqualTo(queries.kpis(village).reportedToday());
    }

    static final int WINDOW_LAST = DashboardQueries.WINDOW_DAYS - 1;

    static final String COUNTERS = """
            SELECT day, area_path, category_code, reported, closed, on_time, grassroots, evaluated, satisfied
              FROM dashboard_day
             WHERE reported <> 0 OR closed <> 0 OR on_time <> 0 OR grassroots <> 0 OR evaluated <> 0 OR satisfied <> 0
             ORDER BY 1, 2, 3
            """;

    static final String COUNTED_FROM_ROWS = """
            SELECT day, area_path, category_code, sum(reported)::int AS reported, sum(closed)::int AS closed,
                   sum(on_time)::int AS on_time, sum(grassroots)::int AS grassroots,
                   sum(evaluated)::int AS evaluated, sum(satisfied)::int AS satisfied
              FROM (SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                           dashboard_area(region_path) AS area_path, coalesce(category_code, '') AS category_code,
                           1 AS reported, 0 AS closed, 0 AS on_time, 0 AS grassroots, 0 AS evaluated, 0 AS satisfied
                      FROM dashboard_incident
                    UNION ALL
                    SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, dashboard_area(region_path),
                           coalesce(category_code, ''), 0, 1, on_time::int,
                           coalesce(resolution_level IN ('GRID', 'VILLAGE', 'TOWN'), FALSE)::int,
                           (satisfaction IS NOT NULL)::int,
                           coalesce(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE)::int
                      FROM dashboard_incident WHERE closed_at IS NOT NULL) c
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """;

    static final String DEPARTMENT_COUNTERS = """
            SELECT day, area_path, lead_org_id, closed, on_time FROM dashboard_day_department
             WHERE closed <> 0 OR on_time <> 0 ORDER BY 1, 2, 3
            """;

    static final String DEPARTMENTS_COUNTED_FROM_ROWS = """
            SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, dashboard_area(region_path) AS area_path,
                   lead_org_id, count(*)::int AS closed, (count(*) FILTER (WHERE on_time))::int AS on_time
              FROM dashboard_incident WHERE closed_at IS NOT NULL AND lead_org_id IS NOT NULL
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """;

    @Test
    void theCityCountsWhatItsCountiesCount() {
        RegionView city = regions.find("3705").orElseThrow();
        long counties = regions.children("3705").stream()
                .mapToLong(c -> queries.kpis(c).reportedThisMonth())
                .sum();
        assertThat(queries.kpis(city).reportedThisMonth()).isEqualTo(counties);
        assertThat(queries.shading(city).open().keySet())
                .allMatch(code ->
                        regions.children("3705").stream().anyMatch(c -> c.code().equals(code)));
    }

    @Test
    void theScreenSaysWhenDeadlinesAreCountedOnTheProvisionalCalendar() {
        String screen = Session.signIn(port, "leader").get("/dashboard").body();
        calendars
                .notice(java.time.LocalDate.now(calendars.current().zone()))
                .ifPresentOrElse(
                        notice -> assertThat(screen).contains(notice),
                        () -> assertThat(screen).doesNotContain("id=\"calendar-notice\""));
    }

    @Test
    void aCountyDispatcherSeesItsOwnCountyAndNoOther() {
        StaffPrincipal guangrao = principal("guangrao.dispatcher");
        assertThat(scope.resolve(null, guangrao).code()).isEqualTo(GUANGRAO);
        assertThat(scope.resolve("370523101", guangrao).code()).isEqualTo("370523101");
        try {
            scope.resolve(HEKOU, guangrao);
            throw new AssertionError("a county dispatcher saw another county");
        } catch (ErrorResponseException e) {
            assertThat(e.getStatusCode().value()).isEqualTo(403);
        }
        assertThat(scope.resolve(null, principal("leader")).code()).isEqualTo("3705");

        Session session = Session.signIn(port, "guangrao.dispatcher");
        assertThat(session.get("/api/v1/dashboard/kpis").statusCode()).isEqualTo(200);
        assertThat(session.get("/api/v1/dashboard/kpis").body()).contains("\"region\":\"" + GUANGRAO + "\"");
        assertThat(session.get("/api/v1/dashboard/markers?region=" + HEKOU).statusCode())
                .isEqualTo(403);
        assertThat(session.get("/dashboard?region=" + HEKOU).statusCode()).isEqualTo(403);
        assertThat(session.get("/dashboard").body()).contains("广饶县");
    }

    @Test
    void theStreamSaysChangedAfterAnIncidentInItsRegionChanged() throws Exception {
        GridView grid = grids.inRegion(HEKOU).get(5);
        Session session = Session.signIn(port, "leader");
        HttpResponse<InputStream> stream = session.client.send(
                session.request("/dashboard/stream?region=" + HEKOU)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(nextEvent(lines)).isEqualTo("hello");

        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> nextEvent(lines));
        report(grid, principal("gw" + grid.code()));

        assertThat(next.get(15, TimeUnit.SECONDS)).isEqualTo("changed");
        stream.body().close();
    }

    private static String nextEvent(BufferedReader lines) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    return line.substring("event:".length()).strip();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IncidentView report(GridView grid, StaffPrincipal worker) {
        Point inside = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
        return incidents
                .report(
                        new ReportIncident(
                                NOISE,
                                "广场舞音响音量过大，影响周边住户休息",
                                "GRID_WORKER",
                                inside.getX(),
                                inside.getY(),
                                null,
                                null,
                                null,
                                null,
                                List.of()),
                        null,
                        worker)
                .incident();
    }

    private void resolve(IncidentView incident, StaffPrincipal worker) {
        IncidentView.PhotoView photo = incidents.upload(png(), worker);
        incidents.resolve(incident.id(), new IncidentCommand.Plain("已劝导调低音量，现场恢复安静", List.of(photo.id())), worker);
    }

    private StaffPrincipal principal(String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A browser-like session signed in through the login form. */
    record Session(HttpClient client, String base) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        static Session signIn(int port, String username) {
            Session s = new Session(
                    HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    "http://localhost:" + port);
            Matcher m = CSRF.matcher(s.get("/login").body());
            assertThat(m.find()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=Demo%402026&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> login = s.send(s.request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return s;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path));
        }

        HttpResponse<String> get(String path) {
            return send(request(path)
                    .header("Accept", "application/json, text/html")
                    .GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
