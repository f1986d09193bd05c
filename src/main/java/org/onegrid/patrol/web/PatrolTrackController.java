package org.onegrid.patrol.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.incident.ReportIncident;
import org.onegrid.patrol.PatrolView;
import org.onegrid.patrol.Patrols;
import org.onegrid.patrol.TrackPoint;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The patrols API 巡查: start, send positions, stop, report a problem found, read a patrol with its track. */
@RestController
@RequestMapping("/api/v1/patrol/patrols")
class PatrolTrackController {

    private final Patrols patrols;

    PatrolTrackController(Patrols patrols) {
        this.patrols = patrols;
    }

    record Start(String gridCode) {}

    record Points(List<TrackPoint> points) {}

    @PostMapping
    ResponseEntity<PatrolView> start(@RequestBody Start s, @AuthenticationPrincipal StaffPrincipal me) {
        PatrolView v = patrols.start(s == null ? null : s.gridCode(), me);
        return ResponseEntity.created(URI.create("/api/v1/patrol/patrols/" + v.id()))
                .body(v);
    }

    @GetMapping
    List<PatrolView> mine(@AuthenticationPrincipal StaffPrincipal me) {
        return patrols.mine(me);
    }

    @GetMapping("/{id}")
    PatrolView find(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return patrols.find(id, me).orElseThrow(() -> Problems.notFound("patrol", String.valueOf(id)));
    }

    @PostMapping("/{id}/points")
    Map<String, Integer> points(
            @PathVariable UUID id, @RequestBody Points p, @AuthenticationPrincipal StaffPrincipal me) {
        return Map.of("added", patrols.addPoints(id, p == null || p.points() == null ? List.of() : p.points(), me));
    }

    @PostMapping("/{id}/stop")
    PatrolView stop(
            @PathVariable UUID id,
            @RequestBody(required = false) Points p,
            @AuthenticationPrincipal StaffPrincipal me) {
        return patrols.stop(id, p == null || p.points() == null ? List.of() : p.points(), me);
    }

    @PostMapping("/{id}/problems")
    ResponseEntity<Map<String, UUID>> problem(
            @PathVariable UUID id, @RequestBody ReportIncident problem, @AuthenticationPrincipal StaffPrincipal me) {
        UUID incident = patrols.reportProblem(id, problem, me);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident))
                .body(Map.of("incidentId", incident));
    }
}
