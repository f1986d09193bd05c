package org.onegrid.dispute.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.onegrid.dispute.DisputeApi;
import org.onegrid.dispute.DisputeCommand;
import org.onegrid.dispute.DisputeQueries;
import org.onegrid.dispute.DisputeSummaryView;
import org.onegrid.dispute.DisputeView;
import org.onegrid.dispute.ReceiveDispute;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disputes API. Refusals are problem details (RFC 9457): 400 naming the field, 403 not your role or not your case,
 * 404 unknown or outside your region, 409 not in this status or changed meanwhile; a refused request changes nothing.
 */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    private final DisputeApi disputes;
    private final DisputeQueries queries;

    DisputeController(DisputeApi disputes, DisputeQueries queries) {
        this.disputes = disputes;
        this.queries = queries;
    }

    /** 登记: 201 with the case. */
    @PostMapping
    ResponseEntity<DisputeView> receive(@RequestBody ReceiveDispute c, @AuthenticationPrincipal StaffPrincipal me) {
        DisputeView v = disputes.receive(c, me);
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + v.id())).body(v);
    }

    /** The cases the caller sees: {@code mine} (assigned to the caller), {@code desk} (the caller's body's), or all. */
    @GetMapping
    List<DisputeSummaryView> list(
            @RequestParam(defaultValue = "all") String scope,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me) {
        return queries.list(scope, status, page, me);
    }

    @GetMapping("/{id}")
    DisputeView one(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.view(id, me).orElseThrow(() -> Problems.notFound("dispute", id.toString()));
    }

    @GetMapping("/{id}/history")
    DisputeApi.HistoryView history(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.history(id, me).orElseThrow(() -> Problems.notFound("dispute", id.toString()));
    }

    /** The agreement document as stored, for download ({@code ?download=true}) or to read. */
    @GetMapping("/{id}/agreement")
    ResponseEntity<byte[]> agreement(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean download,
            @AuthenticationPrincipal StaffPrincipal me) {
        String html = disputes.agreementDocument(id, me)
                .orElseThrow(() -> Problems.notFound("agreement of dispute", id.toString()));
        DisputeView v = disputes.view(id, me).orElseThrow();
        ResponseEntity.BodyBuilder ok =
                ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        if (download) {
            ok.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("调解协议书-" + v.number() + ".html", StandardCharsets.UTF_8)
                            .build()
                            .toString());
        }
        return ok.body(html.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{id}/accept")
    DisputeView accept(
            @PathVariable UUID id,
            @RequestBody(required = false) DisputeCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.accept(id, c == null ? new DisputeCommand.Plain(null, null) : c, me);
    }

    @PostMapping("/{id}/refuse")
    DisputeView refuse(
            @PathVariable UUID id, @RequestBody DisputeCommand.Refuse c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.refuse(id, c, me);
    }

    @PostMapping("/{id}/assign")
    DisputeView assign(
            @PathVariable UUID id, @RequestBody DisputeCommand.Assign c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.assign(id, c, me);
    }

    @PostMapping("/{id}/sessions")
    DisputeView session(
            @PathVariable UUID id,
            @RequestBody DisputeCommand.RecordSession c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.recordSession(id, c, me);
    }

    @PostMapping("/{id}/extend")
    DisputeView extend(
            @PathVariable UUID id, @RequestBody DisputeCommand.Extend c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.extend(id, c, me);
    }

    @PostMapping("/{id}/escalate")
    DisputeView escalate(
            @PathVariable UUID id, @RequestBody DisputeCommand.Escalate c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.escalate(id, c, me);
    }

    @PostMapping("/{id}/agree")
    DisputeView agree(
            @PathVariable UUID id, @RequestBody DisputeCommand.Agree c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.agree(id, c, me);
    }

    @PostMapping("/{id}/fail")
    DisputeView fail(
            @PathVariable UUID id, @RequestBody DisputeCommand.Fail c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.fail(id, c, me);
    }

    @PostMapping("/{id}/confirm")
    DisputeView confirm(
            @PathVariable UUID id, @RequestBody DisputeCommand.Confirm c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.confirm(id, c, me);
    }

    @PostMapping("/{id}/performance")
    DisputeView perform(
            @PathVariable UUID id, @RequestBody DisputeCommand.Perform c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.recordPerformance(id, c, me);
    }

    @PostMapping("/{id}/follow-up")
    DisputeView followUp(
            @PathVariable UUID id, @RequestBody DisputeCommand.FollowUp c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.followUp(id, c, me);
    }

    @PostMapping("/{id}/archive")
    DisputeView archive(
            @PathVariable UUID id,
            @RequestBody(required = false) DisputeCommand.Plain c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.archive(id, c == null ? new DisputeCommand.Plain(null, null) : c, me);
    }

    @PostMapping("/{id}/evidence")
    DisputeView evidence(
            @PathVariable UUID id, @RequestBody DisputeCommand.Evidence c, @AuthenticationPrincipal StaffPrincipal me) {
        return disputes.addEvidence(id, c, me);
    }
}
