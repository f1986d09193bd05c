package org.onegrid.patrol.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.casework.attach.PhotoUploads;
import org.onegrid.patrol.DueHouseholdView;
import org.onegrid.patrol.PatrolApi;
import org.onegrid.patrol.RecordVisit;
import org.onegrid.patrol.VisitView;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.Outcome;
import org.onegrid.patrol.domain.VisitRefused;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
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
 * 今日走访 on the grid worker's phone: the households due in their grids, a household's card, and the visit recorded
 * at the door — outcome, position from the browser, notes, photos, a change found, a problem found.
 */
@Controller
@PreAuthorize("hasRole('GRID_WORKER')")
class VisitPages {

    private final PatrolApi patrol;
    private final PhotoUploads uploads;
    private final Clock clock;

    VisitPages(PatrolApi patrol, PhotoUploads uploads, Clock clock) {
        this.patrol = patrol;
        this.uploads = uploads;
        this.clock = clock;
    }

    @GetMapping("/m/visits")
    String today(
            @RequestParam(defaultValue = "false") boolean all,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        List<DueHouseholdView> households = patrol.households(me);
        model.addAttribute("me", me);
        model.addAttribute("all", all);
        model.addAttribute(
                "rows",
                all
                        ? households
                        : households.stream().filter(DueHouseholdView::due).toList());
        model.addAttribute(
                "dueCount", households.stream().filter(DueHouseholdView::due).count());
        model.addAttribute("total", households.size());
        model.addAttribute("done", patrol.myVisitsToday(me));
        return "mobile/visits";
    }

    @GetMapping("/m/visits/{householdId}")
    String door(@PathVariable long householdId, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return form(householdId, new VisitForm(), List.of(), me, model);
    }

    @PostMapping("/m/visits/{householdId}")
    String record(
            @PathVariable long householdId,
            VisitForm form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        Outcome outcome = form.outcome();
        if (form.getOutcome() != null && !form.getOutcome().isBlank() && outcome == null) {
            problems.add("走访结果无效");
        }
        Double lng = number(form.getLng());
        Double lat = number(form.getLat());
        Instant started = instant(form.getStartedAt());
        if (!problems.isEmpty()) {
            return form(householdId, form, problems, me, model);
        }
        try {
            List<UUID> photoIds = uploads.store(photos, me);
            RecordVisit.Change change = outcome == Outcome.CHANGED
                    ? new RecordVisit.Change(
                            form.changeKind(),
                            number(form.getPersonId()) == null
                                    ? null
                                    : number(form.getPersonId()).longValue(),
                            form.getChangeText())
                    : outcome == Outcome.MOVED_AWAY
                            ? new RecordVisit.Change(ChangeKind.HOUSEHOLD_MOVED_AWAY, null, form.getChangeText())
                            : null;
            RecordVisit.Problem problem =
                    form.isProblemFound() ? new RecordVisit.Problem(form.getItemCode(), form.getProblemText()) : null;
            VisitView v = patrol.recordVisit(
                    new RecordVisit(
                            form.id(),
                            householdId,
                            outcome,
                            started == null ? clock.instant() : started,
                            clock.instant(),
                            lng,
                            lat,
                            number(form.getPersonsVerified()) == null
                                    ? null
                                    : number(form.getPersonsVerified()).intValue(),
                            form.getNotes(),
                            photoIds,
                            change,
                            problem),
                    me);
            redirect.addFlashAttribute("recorded", v);
            return "redirect:/m/visits";
        } catch (VisitRefused refused) {
            refused.rejections().forEach(r -> problems.add(r.message()));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            problems.add(e.getBody().getDetail());
        }
        return form(householdId, form, problems, me, model);
    }

    private String form(long householdId, VisitForm form, List<String> problems, StaffPrincipal me, Model model) {
        DueHouseholdView h = patrol.household(householdId, me)
                .orElseThrow(() -> Problems.notFound("household", String.valueOf(householdId)));
        if (form.getId() == null || form.getId().isBlank()) {
            form.setId(UUID.randomUUID().toString());
        }
        if (form.getStartedAt() == null || form.getStartedAt().isBlank()) {
            form.setStartedAt(clock.instant().toString());
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            outcomes.put(o.name(), o.label());
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        for (ChangeKind k : List.of(ChangeKind.MEMBER_MOVED_OUT, ChangeKind.MEMBER_DIED, ChangeKind.OTHER)) {
            kinds.put(k.name(), k.label());
        }
        model.addAttribute("me", me);
        model.addAttribute("h", h);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("kinds", kinds);
        model.addAttribute("history", patrol.visitsOf(householdId, me));
        return "mobile/visit";
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null || s.isBlank() ? null : Instant.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
