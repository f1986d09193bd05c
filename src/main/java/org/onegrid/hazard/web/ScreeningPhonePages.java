package org.onegrid.hazard.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.casework.attach.PhotoUploads;
import org.onegrid.hazard.CompleteTask;
import org.onegrid.hazard.PlanView;
import org.onegrid.hazard.Screening;
import org.onegrid.hazard.TaskView;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 隐患排查 on the phone: my tasks, most urgent first, and a task done at the place — the position from the browser,
 * each checklist item answered 合格 / 不合格 / 不适用 with its note and photos; each 不合格 becomes a hazard.
 */
@Controller
@PreAuthorize("hasAnyRole('GRID_WORKER', 'CENTRE_DISPATCHER', 'DEPARTMENT_HANDLER')")
class ScreeningPhonePages {

    private final Screening screening;
    private final PhotoUploads uploads;

    ScreeningPhonePages(Screening screening, PhotoUploads uploads) {
        this.screening = screening;
        this.uploads = uploads;
    }

    @GetMapping("/m/screening")
    String mine(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<TaskView> tasks = screening.myTasks(me);
        model.addAttribute("me", me);
        model.addAttribute("tasks", tasks);
        model.addAttribute(
                "missed", tasks.stream().filter(t -> "MISSED".equals(t.state())).count());
        return "mobile/screening";
    }

    @GetMapping("/m/screening/{id}")
    String task(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return form(id, Map.of(), List.of(), me, model);
    }

    @PostMapping("/m/screening/{id}")
    String complete(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            MultipartHttpServletRequest request,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        TaskView t = screening.task(id, me).orElseThrow(() -> Problems.notFound("task", id.toString()));
        List<String> problems = new ArrayList<>();
        Map<String, String> given = new HashMap<>(params.toSingleValueMap());
        try {
            List<CompleteTask.GivenAnswer> answers = new ArrayList<>();
            for (PlanView.ItemView item : t.checklist()) {
                List<MultipartFile> files = request.getFiles("photos-" + item.code());
                List<String> photoIds =
                        uploads.store(files, me).stream().map(UUID::toString).toList();
                answers.add(new CompleteTask.GivenAnswer(
                        item.code(),
                        given.getOrDefault("verdict-" + item.code(), ""),
                        given.get("note-" + item.code()),
                        photoIds,
                        null,
                        null));
            }
            TaskView done = screening.complete(
                    id, new CompleteTask(number(given.get("lng")), number(given.get("lat")), answers, null), me);
            redirect.addFlashAttribute("done", done);
            return "redirect:/m/screening";
        } catch (Refused refused) {
            refused.refusals().forEach(r -> problems.add(r.message()));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            problems.add(e.getBody().getDetail());
        }
        return form(id, given, problems, me, model);
    }

    private String form(UUID id, Map<String, String> given, List<String> problems, StaffPrincipal me, Model model) {
        TaskView t = screening.task(id, me).orElseThrow(() -> Problems.notFound("task", id.toString()));
        model.addAttribute("me", me);
        model.addAttribute("t", t);
        model.addAttribute("given", given);
        model.addAttribute("problems", problems);
        return "mobile/screening-task";
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
