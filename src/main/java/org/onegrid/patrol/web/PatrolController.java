package org.onegrid.patrol.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.onegrid.patrol.ChangeRequestView;
import org.onegrid.patrol.CoverageView;
import org.onegrid.patrol.DueHouseholdView;
import org.onegrid.patrol.PatrolApi;
import org.onegrid.patrol.Period;
import org.onegrid.patrol.RecordVisit;
import org.onegrid.patrol.VisitView;
import org.onegrid.patrol.domain.VisitRefused;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visits API: the worker's households due, recording a visit, the village centre's change requests, coverage.
 * Refusals are problem details (RFC 9457): 400 malformed, 403 not your role, 404 not in your grids or scope, 409
 * decided already, 422 a visit that cannot have happened as told (every reason in {@code errors}).
 */
@RestController
@RequestMapping("/api/v1/patrol")
class PatrolController {

    private final PatrolApi patrol;

    PatrolController(PatrolApi patrol) {
        this.patrol = patrol;
    }

    /** 今日走访: the households of the caller's grids due today or overdue. */
    @GetMapping("/due")
    List<DueHouseholdView> due(@AuthenticationPrincipal StaffPrincipal me) {
        return patrol.due(me);
    }

    @GetMapping("/households/{id}")
    DueHouseholdView household(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return patrol.household(id, me).orElseThrow(() -> Problems.notFound("household", String.valueOf(id)));
    }

    @GetMapping("/households/{id}/visits")
    List<VisitView> visitsOf(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        patrol.household(id, me).orElseThrow(() -> Problems.notFound("household", String.valueOf(id)));
        return patrol.visitsOf(id, me);
    }

    /** 登记走访: 201 with the visit (200 when the same id was recorded before). */
    @PostMapping("/visits")
    ResponseEntity<VisitView> record(@RequestBody RecordVisit command, @AuthenticationPrincipal StaffPrincipal me) {
        VisitView v = patrol.recordVisit(command, me);
        return ResponseEntity.created(URI.create("/api/v1/patrol/households/" + v.householdId() + "/visits"))
                .body(v);
    }

    @GetMapping("/change-requests")
    List<ChangeRequestView> changeRequests(
            @RequestParam(defaultValue = "true") boolean pending, @AuthenticationPrincipal StaffPrincipal me) {
        return patrol.changeRequests(pending, me);
    }

    record Decision(Integer version, String reason) {}

    @PostMapping("/change-requests/{id}/confirm")
    ChangeRequestView confirm(
            @PathVariable long id, @RequestBody Decision d, @AuthenticationPrincipal StaffPrincipal me) {
        return patrol.confirm(id, version(d), me);
    }

    @PostMapping("/change-requests/{id}/reject")
    ChangeRequestView reject(
            @PathVariable long id, @RequestBody Decision d, @AuthenticationPrincipal StaffPrincipal me) {
        return patrol.reject(id, version(d), d.reason(), me);
    }

    /** Coverage of a region (default: the caller's) in a period (month, quarter, year around {@code date}; custom). */
    @GetMapping("/coverage")
    CoverageView coverage(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal StaffPrincipal me) {
        return patrol.coverage(region, Period.of(period, date == null ? patrol.today() : date, from, to), me);
    }

    @GetMapping("/coverage/not-visited")
    List<PatrolApi.NotVisited> notVisited(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String grid,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me) {
        return patrol.notVisited(
                region, grid, Period.of(period, date == null ? patrol.today() : date, null, null), page, me);
    }

    @ExceptionHandler(VisitRefused.class)
    ResponseEntity<ProblemDetail> refused(VisitRefused refused) {
        List<Map<String, String>> errors = refused.rejections().stream()
                .map(r -> Map.of("field", r.field(), "code", r.code(), "message", r.message()))
                .toList();
        ProblemDetail body = Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "visit-refused",
                        refused.getMessage(),
                        Map.of("field", errors.get(0).get("field"), "errors", errors))
                .getBody();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    private static int version(Decision d) {
        if (d == null || d.version() == null) {
            throw Problems.invalid("version", "version is required: the change request's version as read");
        }
        return d.version();
    }
}
