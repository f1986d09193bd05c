package org.onegrid.incident.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.incident.HistoryView;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replaying past days one incident at a time (the demo year), the scan records what it would have recorded, had it
 * run every minute: the stage overdue a minute after its deadline, once, and nothing before the deadline.
 */
@IntegrationTest
class OverdueCatchUpTests {

    @Autowired
    OverdueScan scan;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Test
    void aStagePastItsDeadlineIsRecordedOverdueAMinuteAfterItOnce() {
        GridView grid = grids.inRegion("370503").get(11);
        StaffPrincipal worker = principal("gw" + grid.code());
        Point inside = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
        IncidentView incident = incidents
                .report(
                        new ReportIncident(
                                "MDJF-010",
                                "夜间施工噪音扰民",
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
        Instant deadline = incident.stage().deadline();

        assertThat(scan.catchUp(incident.id(), deadline)).isEmpty();
        assertThat(scan.catchUp(incident.id(), deadline.plus(Duration.ofHours(3))))
                .contains(deadline.plus(Duration.ofMinutes(1)));
        assertThat(scan.catchUp(incident.id(), deadline.plus(Duration.ofHours(4))))
                .isEmpty();

        List<HistoryView.Entry> history = incidents
                .history(incident.id(), principal("admin"))
                .orElseThrow()
                .entries();
        HistoryView.Entry last = history.get(history.size() - 1);
        assertThat(last.action()).isEqualTo("MARK_OVERDUE");
        assertThat(last.at()).isEqualTo(deadline.plus(Duration.ofMinutes(1)));
        assertThat(incidents.find(incident.id(), worker).orElseThrow().counts().overdues())
                .isEqualTo(1);
    }

    private StaffPrincipal principal(String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }
}
