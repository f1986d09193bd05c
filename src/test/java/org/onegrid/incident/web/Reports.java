package org.onegrid.incident.web;

import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Point;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;

/** Incidents reported by the demo grid worker in the first grid of 花园社区 (大王镇), for the pages to show. */
final class Reports {

    /** 噪音扰民, a grid-level item: the village centre owns it. */
    static final String NOISE = "MDJF-010";

    private Reports() {}

    static StaffPrincipal principal(Staff staff, String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    /** A noise complaint reported by {@code gridworker} inside their grid, with a text to find it by. */
    static IncidentView noise(IncidentApi incidents, Staff staff, Grids grids, String text) {
        StaffPrincipal worker = principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).get(0).gridCode();
        Point inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        return incidents
                .report(
                        new ReportIncident(
                                NOISE,
                                text,
                                null,
                                inside.getX(),
                                inside.getY(),
                                null,
                                null,
                                "王女士",
                                "13812345678",
                                List.of()),
                        UUID.randomUUID().toString(),
                        worker)
                .incident();
    }
}
