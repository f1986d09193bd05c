package org.onegrid.hazard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.onegrid.hazard.HazardCommands;
import org.onegrid.hazard.HazardView;
import org.onegrid.hazard.Hazards;
import org.onegrid.hazard.LedgerFigures;
import org.onegrid.hazard.NoticeDocument;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The hazards API 隐患: the ledger 台账 with its filters and spreadsheet, the figures, one hazard with its history and
 * notice, and its actions. Problems (RFC 9457): 400 malformed, 403 not your role, 404 not in your region, 409 the
 * state does not allow it (or someone else acted first), 422 refused with every reason.
 */
@RestController
@RequestMapping("/api/v1/hazards")
class HazardController {

    private final Hazards hazards;

    HazardController(Hazards hazards) {
        this.hazards = hazards;
    }

    /** 隐患台账: a page of 50, newest first; filters: region, found from/to, status, grade, unit, overdue, supervised. */
    @GetMapping
    Hazards.LedgerPage ledger(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean supervised,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.ledger(
                new Hazards.LedgerQuery(region, from, to, status, grade, unit, overdue, supervised), page, me);
    }

    /** The ledger as an XLSX workbook (streamed), with the same filters. */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean supervised,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpServletResponse response)
            throws IOException {
        Exports.ledger(
                hazards,
                new Hazards.LedgerQuery(region, from, to, status, grade, unit, overdue, supervised),
                me,
                response);
    }

    @GetMapping("/figures")
    LedgerFigures figures(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal StaffPrincipal me) {
        Problems.checkDay("from", from);
        Problems.checkDay("to", to);
        return hazards.figures(region, from, to, me);
    }

    @PostMapping
    ResponseEntity<HazardView> report(
            @RequestBody HazardCommands.ReportHazard c, @AuthenticationPrincipal StaffPrincipal me) {
        HazardView v = hazards.report(c, me);
        return ResponseEntity.created(URI.create("/api/v1/hazards/" + v.id())).body(v);
    }

    @GetMapping("/{id}")
    HazardView.Detail detail(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.detail(id, me).orElseThrow(() -> Problems.notFound("hazard", id.toString()));
    }

    /** 隐患整改通知书 of a notified hazard. */
    @GetMapping("/{id}/notice")
    NoticeDocument notice(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.notice(id, me).orElseThrow(() -> Problems.notFound("notice of hazard", id.toString()));
    }

    /** Uploads a photo (multipart field {@code file}) to name in an action. */
    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, UUID>> upload(
            @RequestPart("file") MultipartFile file, @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", hazards.upload(Photos.read(file), me)));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(
            @PathVariable UUID id, @PathVariable UUID photoId, @AuthenticationPrincipal StaffPrincipal me) {
        return Photos.serve(hazards.photo("hazard", id, photoId, me), photoId.toString());
    }

    @PostMapping("/{id}/regrade")
    HazardView regrade(
            @PathVariable UUID id, @RequestBody HazardCommands.Regrade c, @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.regrade(id, c, me);
    }

    @PostMapping("/{id}/notice")
    HazardView issueNotice(
            @PathVariable UUID id,
            @RequestBody HazardCommands.IssueNotice c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.issueNotice(id, c, me);
    }

    @PostMapping("/{id}/measures")
    HazardView planMeasures(
            @PathVariable UUID id,
            @RequestBody HazardCommands.PlanMeasures c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.planMeasures(id, c, me);
    }

    @PostMapping("/{id}/rectification")
    HazardView rectify(
            @PathVariable UUID id,
            @RequestBody HazardCommands.ReportRectification c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.reportRectification(id, c, me);
    }

    @PostMapping("/{id}/acceptance")
    HazardView accept(
            @PathVariable UUID id, @RequestBody HazardCommands.Accept c, @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.accept(id, c, me);
    }

    @PostMapping("/{id}/close")
    HazardView close(
            @PathVariable UUID id, @RequestBody HazardCommands.Close c, @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.close(id, c, me);
    }

    @PostMapping("/{id}/supervision")
    HazardView supervise(
            @PathVariable UUID id,
            @RequestBody HazardCommands.Supervise c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return hazards.supervise(id, c, me);
    }
}
