package org.onegrid.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.region.Grids;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

/** A patrol on the demo city: positions sent again after a dropped connection, measures at the stop, problems. */
@IntegrationTest
class PatrolsTests {

    @Autowired
    Patrols patrols;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Test
    void aPatrolKeepsResentPositionsOnceMeasuresItselfAtTheStopAndItsProblemsBecomeIncidents() {
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        patrols.running(worker).ifPresent(p -> patrols.stop(p.id(), List.of(), worker));
        Geometry area = grids.geometry(grid).orElseThrow();
        Point inside = area.getInteriorPoint();

        PatrolView started = patrols.start(grid, worker);
        assertThat(patrols.start(grid, worker).id()).isEqualTo(started.id());
        Instant t0 = Instant.now();
        List<TrackPoint> walk = List.of(
                new TrackPoint(t0.plusSeconds(1), inside.getX(), inside.getY()),
                new TrackPoint(t0.plusSeconds(60), inside.getX() + 0.001, inside.getY()),
                new TrackPoint(t0.plusSeconds(120), inside.getX() + 0.001, inside.getY() + 0.001));
        assertThat(patrols.addPoints(started.id(), walk.subList(0, 2), worker)).isEqualTo(2);
        // the phone lost the answer and sends everything again with the next point
        assertThat(patrols.addPoints(started.id(), walk, worker)).isEqualTo(1);

        UUID incident = patrols.reportProblem(
                started.id(),
                new ReportIncident("MDJF-001", "巡查发现两户因排水争执", null, null, null, null, null, null, null, List.of()),
                worker);
        assertThat(incidents.find(incident, worker)).hasValueSatisfying(i -> {
            assertThat(i.text()).contains("巡查第 " + started.number() + " 号发现");
            assertThat(i.gridCode()).isEqualTo(grid);
        });

        PatrolView stopped = patrols.stop(started.id(), List.of(), worker);
        assertThat(stopped.status()).isEqualTo("ENDED");
        assertThat(stopped.points()).isEqualTo(3);
        // 0.001° east and 0.001° north at Dongying's latitude: about 88 m + 111 m
        assertThat(stopped.distanceMetres()).isBetween(190, 210);
        assertThat(stopped.coveredPercent()).isPositive().isLessThanOrEqualTo(100.0);
        assertThat(stopped.incidentIds()).containsExactly(incident);
        PatrolView again = patrols.stop(started.id(), List.of(), worker);
        assertThat(again.distanceMetres()).isEqualTo(stopped.distanceMetres());
        assertThat(again.endedAt()).isEqualTo(stopped.endedAt());
        assertThatThrownBy(() -> patrols.addPoints(started.id(), walk, worker))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
    }

    @Test
    void aGridWorkerCannotPatrolAnotherGridNorSendPositionsFromAnotherTime() {
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        String other = grids.all().stream()
                .filter(g -> !worker.grids().contains(g.code()))
                .findFirst()
                .orElseThrow()
                .code();
        patrols.running(worker).ifPresent(p -> patrols.stop(p.id(), List.of(), worker));
        assertThatThrownBy(() -> patrols.start(other, worker))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        PatrolView p = patrols.start(worker.grids().iterator().next(), worker);
        assertThatThrownBy(() -> patrols.addPoints(
                        p.id(), List.of(new TrackPoint(Instant.now().minusSeconds(86_400), 118.5, 37.4)), worker))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        patrols.stop(p.id(), List.of(), worker);
    }
}
