package org.onegrid.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Point;
import org.onegrid.OneGridApplication;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OneGrid's own closed loop, in process: the application started against the benchmark's PostgreSQL with the demo
 * city (and no demo history), then {@link ClosedLoops#CLIENTS} clients each running whole loops through {@link
 * IncidentApi} as the real demo accounts of one grid:
 *
 * <ol>
 *   <li>report — the grid's worker reports 占道经营 (CSGL-001, a village item) at a point inside the grid;
 *   <li>accept — the village centre's dispatcher accepts it (立案);
 *   <li>dispatch — and dispatches it to 城管执法, the branch serving the county;
 *   <li>sign — the department's handler signs for it;
 *   <li>complete — and reports it done with the result and a photo after (uploaded first: the evidence that
 *       completing needs);
 *   <li>verify — the grid worker verifies on site; passing closes the incident (→ CLOSED);
 *   <li>close — the village centre records the return call (回访评价), the last step of the loop.
 * </ol>
 *
 * Each step is one transaction that checks who may act, saves the incident with its version check, appends one
 * hash-chained history entry and publishes its events (notifications, the dashboard's read model), as it does for
 * the REST API.
 *
 * <p>Arguments: the JDBC URL of an empty database, and the user.
 */
public final class OneGridLoopComparison {

    /** 占道经营: owned by the village centre, handled by 城管执法. */
    static final String ITEM = "CSGL-001";

    /** The counties whose grids the clients work in, in turn. */
    private static final String[] COUNTIES = {"370502", "370523", "370503", "370522", "370505"};

    record Actors(
            StaffPrincipal gridWorker,
            StaffPrincipal village,
            StaffPrincipal department,
            String grid,
            double lng,
            double lat) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: OneGridLoopComparison <jdbc-url> [user]");
            System.exit(2);
        }
        SpringApplication app = new SpringApplication(OneGridApplication.class);
        ConfigurableApplicationContext context = app.run(
                "--onegrid.db.url=" + args[0],
                "--onegrid.db.user=" + (args.length > 1 ? args[1] : "postgres"),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--onegrid.demo.incidents=0",
                "--onegrid.incident.scan-cron=-",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--logging.level.org.onegrid=WARN");
        try {
            IncidentApi incidents = context.getBean(IncidentApi.class);
            List<Actors> actors = actors(context.getBean(Grids.class), context.getBean(Staff.class));
            double perSecond = ClosedLoops.measure(
                    "OneGrid", database(args[0]), (client, n) -> loop(incidents, actors.get(client), n));
            System.setProperty("compare.onegrid", Double.toString(perSecond));
            String flowable = System.getProperty("compare.flowable.result");
            if (flowable != null) {
                Figures.row(
                        "closed loop, " + ClosedLoops.CLIENTS + " clients",
                        "loops/s",
                        perSecond,
                        Double.parseDouble(flowable),
                        "Flowable",
                        3);
            } else {
                System.out.printf("OneGrid: %.1f loops/s%n", perSecond);
            }
        } finally {
            context.close();
        }
    }

    /** One client's people: a grid in a different village for each, its worker, its village centre, 城管执法. */
    static List<Actors> actors(Grids grids, Staff staff) {
        List<Actors> out = new ArrayList<>();
        for (int c = 0; c < ClosedLoops.CLIENTS; c++) {
            String county = COUNTIES[c % COUNTIES.length];
            List<GridView> inCounty = grids.inRegion(county);
            GridView grid = inCounty.get((c / COUNTIES.length * 97 + 13) % inCounty.size());
            Location location = grids.location(grid.code()).orElseThrow();
            Point inside = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
            out.add(new Actors(
                    principal(staff, "gw" + grid.code()),
                    principal(staff, "vd" + location.village().code()),
                    principal(staff, "chengguan." + location.county().code()),
                    grid.code(),
                    inside.getX(),
                    inside.getY()));
        }
        return out;
    }

    private static StaffPrincipal principal(Staff staff, String username) {
        return staff.principal(staff.findByUsername(username)
                        .orElseThrow(() -> new IllegalStateException("no demo account " + username))
                        .id())
                .orElseThrow();
    }

    static void loop(IncidentApi incidents, Actors a, long n) {
        IncidentView reported = incidents
                .report(
                        new ReportIncident(
                                ITEM,
                                "商业街路口流动摊贩占道经营，影响行人通行（第" + n + "次巡查）",
                                null,
                                a.lng(),
                                a.lat(),
                                "网格" + a.grid() + "商业街路口",
                                null,
                                null,
                                null,
                                List.of()),
                        null,
                        a.gridWorker())
                .incident();
        UUID id = reported.id();
        incidents.accept(id, new IncidentCommand.Plain("情况属实，予以受理", List.of()), a.village());
        incidents.dispatch(
                id,
                new IncidentCommand.Dispatch("SINGLE", "chengguan", List.of(), null, null, "派城管执法处置", List.of()),
                a.village());
        incidents.sign(id, new IncidentCommand.Plain("", List.of()), a.department());
        UUID photo = incidents.upload(Evidence.photo(), a.department()).id();
        incidents.complete(id, new IncidentCommand.Plain("已劝离摊贩，恢复通行", List.of(photo)), a.department());
        IncidentView verified =
                incidents.verify(id, new IncidentCommand.Verify(true, "现场复核已无占道", List.of()), a.gridWorker());
        IncidentView closed =
                incidents.evaluate(id, new IncidentCommand.Evaluate("SATISFIED", "回访：满意", List.of()), a.village());
        if (!"CLOSED".equals(verified.status())
                || !"CLOSED".equals(closed.status())
                || closed.history().entries().size() != 7) {
            throw new IllegalStateException("loop of " + id + " did not close with 7 history entries: "
                    + closed.status() + ", " + closed.history().entries().size());
        }
    }

    /** The database named by a JDBC URL. */
    static String database(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
