package org.onegrid.incident.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.onegrid.incident.HistoryView;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentFilter;
import org.onegrid.incident.IncidentPage;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The incident API: intake, one {@code POST /{id}/{action}} per action of the loop, queries, photos. Refusals are
 * problem details (RFC 9457): 400 malformed, 403 not yours to do, 404 not in your scope, 409 not now, 413/415 for
 * photos, 422 not acceptable.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentApi incidents;

    IncidentController(IncidentApi incidents) {
        this.incidents = incidents;
    }

    /** 事件登记: 201 with the new incident, or 200 with the earlier one when the Idempotency-Key was seen. */
    @PostMapping
    ResponseEntity<IncidentView> report(
            @RequestBody ReportIncident command,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal StaffPrincipal me) {
        IncidentApi.Reported reported = incidents.report(command, idempotencyKey, me);
        URI location = URI.create("/api/v1/incidents/" + reported.incident().id());
        return reported.created()
                ? ResponseEntity.created(location).body(reported.incident())
                : ResponseEntity.ok().location(location).body(reported.incident());
    }

    /** Uploads a photo (multipart field {@code file}) to attach to an intake or an action by its id. */
    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IncidentView.PhotoView> upload(
            @RequestPart("file") MultipartFile file, @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        if (file.getSize() > IncidentApi.MAX_PHOTO_BYTES) {
            // Refused before reading it into memory.
            throw Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "photo-too-large",
                    "A photo may have at most 10 MB, not " + file.getSize() + " bytes",
                    java.util.Map.of("field", "file"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.upload(file.getBytes(), me));
    }

    @GetMapping
    IncidentPage list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String light,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String grid,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false, defaultValue = "0") int page,
            @RequestParam(required = false, defaultValue = "20") int size,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.list(
                new IncidentFilter(
                        status, light, region, grid, category, item, channel, from, to, text, number, sort, page, size),
                me);
    }

    @GetMapping("/{id}")
    IncidentView find(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.find(id, me).orElseThrow(() -> Problems.notFound("incident", id.toString()));
    }

    @GetMapping("/{id}/history")
    HistoryView history(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.history(id, me).orElseThrow(() -> Problems.notFound("incident", id.toString()));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(
            @PathVariable UUID id, @PathVariable UUID photoId, @AuthenticationPrincipal StaffPrincipal me) {
        IncidentApi.Photo photo =
                incidents.photo(id, photoId, me).orElseThrow(() -> Problems.notFound("photo", photoId.toString()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.data());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Actions

    @PostMapping("/{id}/accept")
    IncidentView accept(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.accept(id, plain(c), me);
    }

    @PostMapping("/{id}/reject")
    IncidentView reject(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.reject(id, plain(c), me);
    }

    @PostMapping("/{id}/merge")
    IncidentView merge(
            @PathVariable UUID id, @RequestBody IncidentCommand.Merge c, @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.merge(id, c, me);
    }

    @PostMapping("/{id}/resolve")
    IncidentView resolve(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.resolve(id, plain(c), me);
    }

    @PostMapping("/{id}/dispatch")
    IncidentView dispatch(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.Dispatch c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.dispatch(id, c, me);
    }

    @PostMapping("/{id}/sign")
    IncidentView sign(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.sign(id, plain(c), me);
    }

    @PostMapping("/{id}/return")
    IncidentView returnToCentre(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.returnToCentre(id, plain(c), me);
    }

    @PostMapping("/{id}/request-extension")
    IncidentView requestExtension(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.RequestExtension c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.requestExtension(id, c, me);
    }

    @PostMapping("/{id}/decide-extension")
    IncidentView decideExtension(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.DecideExtension c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.decideExtension(id, c, me);
    }

    @PostMapping("/{id}/report-in")
    IncidentView reportIn(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.reportIn(id, plain(c), me);
    }

    @PostMapping("/{id}/record-part")
    IncidentView recordPart(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.recordPart(id, plain(c), me);
    }

    @PostMapping("/{id}/complete")
    IncidentView complete(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.complete(id, plain(c), me);
    }

    @PostMapping("/{id}/verify")
    IncidentView verify(
            @PathVariable UUID id, @RequestBody IncidentCommand.Verify c, @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.verify(id, c, me);
    }

    @PostMapping("/{id}/escalate")
    IncidentView escalate(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Escalate c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.escalate(id, c == null ? new IncidentCommand.Escalate(null, null, null) : c, me);
    }

    @PostMapping("/{id}/evaluate")
    IncidentView evaluate(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.Evaluate c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.evaluate(id, c, me);
    }

    @PostMapping("/{id}/reopen")
    IncidentView reopen(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.reopen(id, plain(c), me);
    }

    @PostMapping("/{id}/urge")
    IncidentView urge(
            @PathVariable UUID id,
            @RequestBody(required = false) IncidentCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.urge(id, plain(c), me);
    }

    @PostMapping("/{id}/supervise")
    IncidentView supervise(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.Supervise c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.supervise(id, c, me);
    }

    @PostMapping("/{id}/reply-supervision")
    IncidentView replyToSupervision(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.ReplyToSupervision c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.replyToSupervision(id, c, me);
    }

    /** 核定事项类型: confirms the item, or changes it with the reason in {@code comment}. */
    @PostMapping("/{id}/reclassify")
    IncidentView reclassify(
            @PathVariable UUID id,
            @RequestBody IncidentCommand.Reclassify c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return incidents.reclassify(id, c, me);
    }

    private static IncidentCommand.Plain plain(IncidentCommand.Plain c) {
        return c == null ? new IncidentCommand.Plain(null, null) : c;
    }
}
