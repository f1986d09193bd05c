package org.onegrid.hazard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.onegrid.hazard.HazardView;
import org.onegrid.hazard.LedgerTaskView;
import org.onegrid.hazard.LedgerTasks;
import org.onegrid.hazard.OrderPlan;
import org.onegrid.hazard.PlanView;
import org.onegrid.hazard.Screening;
import org.onegrid.hazard.domain.Refused;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screening plans 排查计划 of a level — with the form to order one, its checklist one item a line — and the task
 * ledger 任务台账 with each task's milestones, monthly reports, evaluations and history.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'CENTRE_DISPATCHER', 'DEPARTMENT_HANDLER', 'GRID_WORKER')")
class PlanAndTaskPages {

    private final Screening screening;
    private final LedgerTasks ledgerTasks;

    PlanAndTaskPages(Screening screening, LedgerTasks ledgerTasks) {
        this.screening = screening;
        this.ledgerTasks = ledgerTasks;
    }

    @GetMapping("/screening-plans")
    String plans(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("plans", screening.plans(me));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "hazard/plans";
    }

    /**
     * Orders a plan from the form: the checklist one item a line, as {@code 内容 | 佐证 | 等级} with 佐证 one of 无需、说明、照片、
     * 照片和说明 and 等级 一般 or 重大 (both optional: 无需, 一般).
     */
    @PostMapping("/screening-plans")
    String order(
            @RequestParam String name,
            @RequestParam(required = false) String targetKind,
            @RequestParam(required = false) String targetTag,
            @RequestParam(required = false) String frequency,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Integer dueDays,
            @RequestParam(required = false) String checklist,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        List<OrderPlan.Item> items = new ArrayList<>();
        int n = 0;
        for (String line : (checklist == null ? "" : checklist).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[|｜]");
            String evidence = parts.length > 1 ? evidence(parts[1].strip()) : "NONE";
            String grade = parts.length > 2 && parts[2].contains("重大") ? "MAJOR" : "GENERAL";
            items.add(new OrderPlan.Item(String.valueOf(++n), parts[0].strip(), evidence, grade));
        }
        try {
            PlanView p = screening.orderPlan(
                    new OrderPlan(name, null, targetKind, blank(targetTag), frequency, null, dueDays, items, owner),
                    me);
            redirect.addFlashAttribute("ordered", p);
        } catch (Refused r) {
            redirect.addFlashAttribute(
                    "problems", r.refusals().stream().map(x -> x.message()).toList());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problems", List.of(e.getBody().getDetail()));
        }
        return "redirect:/screening-plans";
    }

    @GetMapping("/screening-plans/{id}")
    String plan(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("p", screening.plan(id, me).orElseThrow(() -> Problems.notFound("plan", id.toString())));
        model.addAttribute("tasks", screening.tasks(null, id, null, null, null, 0, me));
        return "hazard/plan";
    }

    @GetMapping("/screening-tasks/{id}")
    String screeningTask(@PathVariable UUID id) {
        return "redirect:/m/screening/" + id;
    }

    @GetMapping("/ledger-tasks")
    String ledgerTasks(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("tasks", ledgerTasks.list(false, me));
        return "hazard/ledger-tasks";
    }

    @GetMapping("/ledger-tasks/{id}")
    String ledgerTask(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        LedgerTaskView t = ledgerTasks.find(id, me).orElseThrow(() -> Problems.notFound("ledger task", id.toString()));
        List<HazardView.HistoryStep> history = ledgerTasks.history(id, me);
        model.addAttribute("me", me);
        model.addAttribute("t", t);
        model.addAttribute("history", history);
        model.addAttribute("intact", ledgerTasks.historyIntact(id));
        return "hazard/ledger-task";
    }

    private static String evidence(String s) {
        if (s.contains("照片") && s.contains("说明")) {
            return "PHOTO_AND_NOTE";
        }
        if (s.contains("照片")) {
            return "PHOTO";
        }
        if (s.contains("说明")) {
            return "NOTE";
        }
        return "NONE";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
