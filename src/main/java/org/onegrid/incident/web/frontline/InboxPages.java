package org.onegrid.incident.web.frontline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.onegrid.casework.attach.PhotoUploads;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.WorkListsApi;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 部门待办: a department handler's inbox by tab, and one incident with the forms the department may use now: sign,
 * return, request an extension, complete with result and photos; for a joint task it assists, report in and record
 * its part.
 */
@Controller
@PreAuthorize("hasRole('DEPARTMENT_HANDLER')")
class InboxPages {

    private final IncidentApi incidents;
    private final WorkListsApi lists;
    private final PhotoUploads uploads;

    InboxPages(IncidentApi incidents, WorkListsApi lists, PhotoUploads uploads) {
        this.incidents = incidents;
        this.lists = lists;
        this.uploads = uploads;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(defaultValue = "TO_SIGN") String tab,
            @RequestParam(required = false) String q,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        WorkListsApi.Inbox chosen;
        try {
            chosen = WorkListsApi.Inbox.valueOf(tab.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            chosen = WorkListsApi.Inbox.TO_SIGN;
        }
        model.addAttribute("tabs", WorkListsApi.Inbox.values());
        model.addAttribute("tab", chosen);
        model.addAttribute("counts", lists.inboxCounts(me));
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 200) {
            query = query.substring(0, 200);
        }
        // a number or words the handler was told on the phone: every incident of the department, whatever its tab
        model.addAttribute("q", query);
        model.addAttribute("rows", query == null ? lists.inbox(chosen, me) : lists.inboxSearch(query, me));
        model.addAttribute("me", me);
        return "inbox/list";
    }

    @GetMapping("/inbox/{id}")
    String incident(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return show(load(id, me), me, model);
    }

    @PostMapping("/inbox/{id}/sign")
    String sign(
            @PathVariable UUID id,
            @RequestParam long version,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                version,
                "sign",
                Map.of(),
                me,
                model,
                redirect,
                "inbox.done.sign",
                () -> incidents.sign(id, new IncidentCommand.Plain("", List.of()), me));
    }

    @PostMapping("/inbox/{id}/return")
    String returnToCentre(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("reason", reason);
        if (reason.isBlank() || reason.length() > 2000) {
            return refuse(id, "return", "reason", "inbox.error.reason", values, me, model);
        }
        return act(
                id,
                version,
                "return",
                values,
                me,
                model,
                redirect,
                "inbox.done.return",
                () -> incidents.returnToCentre(id, new IncidentCommand.Plain(reason.strip(), List.of()), me));
    }

    @PostMapping("/inbox/{id}/extension")
    String requestExtension(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String hours,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("hours", hours, "reason", reason);
        Integer extra = null;
        try {
            extra = Integer.valueOf(hours.strip());
        } catch (NumberFormatException e) {
            // said below
        }
        if (extra == null || extra < 1 || extra > 720) {
            return refuse(id, "extension", "hours", "inbox.error.hours", values, me, model);
        }
        if (reason.isBlank() || reason.length() > 2000) {
            return refuse(id, "extension", "reason", "inbox.error.reason", values, me, model);
        }
        Integer h = extra;
        return act(
                id,
                version,
                "extension",
                values,
                me,
                model,
                redirect,
                "inbox.done.extension",
                () -> incidents.requestExtension(
                        id, new IncidentCommand.RequestExtension(h, reason.strip(), List.of()), me));
    }

    @PostMapping("/inbox/{id}/complete")
    String complete(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String result,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("result", result);
        if (result.isBlank() || result.length() > 4000) {
            return refuse(id, "complete", "result", "inbox.error.result", values, me, model);
        }
        if (photos == null || photos.stream().allMatch(MultipartFile::isEmpty)) {
            return refuse(id, "complete", "photos", "inbox.error.photos", values, me, model);
        }
        return act(
                id,
                version,
                "complete",
                values,
                me,
                model,
                redirect,
                "inbox.done.complete",
                () -> incidents.complete(id, new IncidentCommand.Plain(result.strip(), uploads.store(photos, me)), me));
    }

    @PostMapping("/inbox/{id}/report-in")
    String reportIn(
            @PathVariable UUID id,
            @RequestParam long version,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                version,
                "reportIn",
                Map.of(),
                me,
                model,
                redirect,
                "inbox.done.reportIn",
                () -> incidents.reportIn(id, new IncidentCommand.Plain("", List.of()), me));
    }

    @PostMapping("/inbox/{id}/part")
    String recordPart(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String part,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("part", part);
        if (part.isBlank() || part.length() > 4000) {
            return refuse(id, "part", "part", "inbox.error.part", values, me, model);
        }
        return act(
                id,
                version,
                "part",
                values,
                me,
                model,
                redirect,
                "inbox.done.part",
                () -> incidents.recordPart(id, new IncidentCommand.Plain(part.strip(), List.of()), me));
    }

    // ---------------------------------------------------------------------------------------------------------

    private String act(
            UUID id,
            Long version,
            String form,
            Map<String, String> values,
            StaffPrincipal me,
            Model model,
            RedirectAttributes redirect,
            String done,
            Supplier<IncidentView> action) {
        return Staleness.act(
                load(id, me),
                version,
                form,
                values,
                model,
                redirect,
                done,
                "/inbox/" + id,
                action,
                () -> load(id, me),
                incident -> show(incident, me, model));
    }

    private String refuse(
            UUID id,
            String form,
            String field,
            String messageKey,
            Map<String, String> values,
            StaffPrincipal me,
            Model model) {
        model.addAttribute("fieldError", Refusal.atField(field, messageKey));
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        return show(load(id, me), me, model);
    }

    private IncidentView load(UUID id, StaffPrincipal me) {
        return incidents.find(id, me).orElseThrow(() -> Problems.notFound("incident", id.toString()));
    }

    private String show(IncidentView incident, StaffPrincipal me, Model model) {
        model.addAttribute("incident", incident);
        model.addAttribute("may", InboxActions.of(incident, me));
        model.addAttribute("me", me);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", new LinkedHashMap<String, String>());
        }
        return "inbox/incident";
    }
}
