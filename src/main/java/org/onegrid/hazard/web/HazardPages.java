package org.onegrid.hazard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.onegrid.casework.attach.PhotoUploads;
import org.onegrid.hazard.HazardCommands;
import org.onegrid.hazard.HazardView;
import org.onegrid.hazard.Hazards;
import org.onegrid.hazard.LedgerFigures;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hazard ledger 隐患台账 at a desk: filters, the figures, the spreadsheet, the map of open hazards by grade;
 * one hazard with its history, its notice document and the forms of its next actions.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'CENTRE_DISPATCHER', 'DEPARTMENT_HANDLER', 'GRID_WORKER')")
class HazardPages {

    private final Hazards hazards;
    private final PhotoUploads uploads;

    HazardPages(Hazards hazards, PhotoUploads uploads) {
        this.hazards = hazards;
        this.uploads = uploads;
    }

    @GetMapping("/hazards")
    String ledger(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean supervised,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        Hazards.LedgerQuery q = new Hazards.LedgerQuery(region, from, to, status, grade, unit, overdue, supervised);
        model.addAttribute("me", me);
        model.addAttribute("q", q);
        model.addAttribute("ledger", hazards.ledger(q, page, me));
        model.addAttribute("figures", hazards.figures(region, from, to, me));
        return "hazard/ledger";
    }

    /** The ledger's spreadsheet, with the page's filters. */
    @GetMapping("/hazards/export")
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

    /** 隐患排查治理情况: the figures of a region with its parts one level down, and the open hazards on the map. */
    @GetMapping("/hazards/figures")
    String figures(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        LedgerFigures f = hazards.figures(region, from, to, me);
        StringBuilder points = new StringBuilder();
        for (var p : hazards.openOnMap(region, me)) {
            points.append(p.lng())
                    .append(',')
                    .append(p.lat())
                    .append(',')
                    .append(p.grade())
                    .append(',')
                    .append(p.overdue() ? 1 : 0)
                    .append(',')
                    .append(p.id())
                    .append(';');
        }
        model.addAttribute("me", me);
        model.addAttribute("f", f);
        model.addAttribute("points", points.toString());
        return "hazard/figures";
    }

    @GetMapping("/hazards/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        HazardView.Detail d = hazards.detail(id, me).orElseThrow(() -> Problems.notFound("hazard", id.toString()));
        model.addAttribute("me", me);
        model.addAttribute("d", d);
        model.addAttribute("h", d.hazard());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "hazard/detail";
    }

    /** 隐患整改通知书, to print. */
    @GetMapping("/hazards/{id}/notice")
    String notice(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("n", hazards.notice(id, me).orElseThrow(() -> Problems.notFound("notice", id.toString())));
        model.addAttribute("h", hazards.find(id, me).orElseThrow());
        return "hazard/notice";
    }

    @PostMapping("/hazards/{id}/{action}")
    String act(
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String requirements,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String passed,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String measures,
            @RequestParam(required = false) String funds,
            @RequestParam(required = false) String responsible,
            @RequestParam(required = false) String emergencyPlan,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        try {
            List<String> photoIds =
                    uploads.store(photos, me).stream().map(UUID::toString).toList();
            LocalDate day = deadline == null || deadline.isBlank() ? null : LocalDate.parse(deadline);
            switch (action) {
                case "notice" ->
                    hazards.issueNotice(id, new HazardCommands.IssueNotice(null, null, day, requirements, version), me);
                case "measures" ->
                    hazards.planMeasures(
                            id,
                            new HazardCommands.PlanMeasures(
                                    measures, money(funds), day, responsible, emergencyPlan, version),
                            me);
                case "rectification" ->
                    hazards.reportRectification(
                            id, new HazardCommands.ReportRectification(note, photoIds, version), me);
                case "acceptance" ->
                    hazards.accept(
                            id,
                            new HazardCommands.Accept(
                                    passed == null ? null : Boolean.valueOf(passed), comment, photoIds, version),
                            me);
                case "close" -> hazards.close(id, new HazardCommands.Close(comment, version), me);
                case "supervision" -> hazards.supervise(id, new HazardCommands.Supervise(day, comment, version), me);
                case "regrade" -> hazards.regrade(id, new HazardCommands.Regrade(grade, comment, version), me);
                default -> throw Problems.notFound("action", action);
            }
            redirect.addFlashAttribute("done", true);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("日期“" + deadline + "”格式应为 2026-12-31");
        } catch (Refused refused) {
            refused.refusals().forEach(r -> problems.add(r.message()));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            problems.add(e.getBody().getDetail());
        }
        redirect.addFlashAttribute("problems", problems);
        return "redirect:/hazards/" + id;
    }

    private static BigDecimal money(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new Refused("funds", "hazard.plan", "整改资金“" + s + "”须为金额（元）");
        }
    }
}
