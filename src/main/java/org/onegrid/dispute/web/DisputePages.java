package org.onegrid.dispute.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onegrid.dispute.DisputeApi;
import org.onegrid.dispute.DisputeCommand;
import org.onegrid.dispute.DisputeQueries;
import org.onegrid.dispute.DisputeView;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispute pages: the level's board (案件台账), a case with its history and agreement, the figures (化解率), the
 * mediator's phone pages (我的案件, 今日调解, record a session on the spot), and the fragment the registry's person and
 * organisation pages fetch.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEADER','CENTRE_DISPATCHER','GRID_WORKER','DEPARTMENT_HANDLER','MEDIATOR')")
class DisputePages {

    private final DisputeApi disputes;
    private final DisputeQueries queries;

    DisputePages(DisputeApi disputes, DisputeQueries queries) {
        this.disputes = disputes;
        this.queries = queries;
    }

    @GetMapping("/disputes")
    String board(
            @RequestParam(defaultValue = "all") String scope,
            @RequestParam(defaultValue = "open") String status,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        model.addAttribute("rows", queries.list(scope, "all".equals(status) ? null : status, 0, me));
        model.addAttribute("scope", scope);
        model.addAttribute("status", status);
        return "dispute/board";
    }

    @GetMapping("/disputes/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        DisputeView d = disputes.view(id, me).orElseThrow(() -> Problems.notFound("dispute", id.toString()));
        model.addAttribute("d", d);
        model.addAttribute("history", disputes.history(id, me).orElseThrow());
        return "dispute/detail";
    }

    /** The agreement document as stored: printable as it is. */
    @GetMapping("/disputes/{id}/agreement")
    ResponseEntity<String> agreement(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        String html =
                disputes.agreementDocument(id, me).orElseThrow(() -> Problems.notFound("agreement", id.toString()));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    @GetMapping("/disputes/figures")
    String figures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        LocalDate today = LocalDate.now(CityTime.ZONE);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        model.addAttribute("f", queries.figures(start, end, me));
        return "dispute/figures";
    }

    /** The disputes a registry person or organisation is party to, as a fragment for the registry's pages. */
    @GetMapping("/disputes/of-party")
    String ofParty(
            @RequestParam(required = false) Long personId,
            @RequestParam(required = false) Long organisationId,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        model.addAttribute(
                "rows",
                personId != null
                        ? queries.ofPerson(personId, me)
                        : organisationId != null ? queries.ofOrganisation(organisationId, me) : List.of());
        return "dispute/of-party :: list";
    }

    // ---------------------------------------------------------------------------------------------------------
    // The mediator's phone

    @GetMapping("/m/disputes")
    String mine(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("open", queries.list("mine", "open", 0, me));
        model.addAttribute("today", queries.sessionsToday(me));
        return "dispute/m-list";
    }

    @GetMapping("/m/disputes/{id}")
    String phoneCase(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("d", disputes.view(id, me).orElseThrow(() -> Problems.notFound("dispute", id.toString())));
        return "dispute/m-case";
    }

    /** 记录调解 on the spot: held now unless told otherwise. */
    @PostMapping("/m/disputes/{id}/sessions")
    String recordSession(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(required = false) String heldAt,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String attendees,
            @RequestParam(required = false) String minutes,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        try {
            java.time.Instant when = heldAt == null || heldAt.isBlank()
                    ? java.time.Instant.now()
                    : java.time.LocalDateTime.parse(heldAt)
                            .atZone(CityTime.ZONE)
                            .toInstant();
            disputes.recordSession(
                    id, new DisputeCommand.RecordSession(version, when, place, attendees, minutes, List.of()), me);
            redirect.addFlashAttribute("done", "调解记录已保存");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("refused", refused.getBody().getDetail());
            redirect.addFlashAttribute("place", place);
            redirect.addFlashAttribute("attendees", attendees);
            redirect.addFlashAttribute("minutes", minutes);
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("refused", "调解时间格式不对");
        }
        return "redirect:/m/disputes/" + id;
    }
}
