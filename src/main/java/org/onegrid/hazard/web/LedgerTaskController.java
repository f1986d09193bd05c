package org.onegrid.hazard.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.onegrid.hazard.HazardView;
import org.onegrid.hazard.LedgerTaskCommands;
import org.onegrid.hazard.LedgerTaskView;
import org.onegrid.hazard.LedgerTasks;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Task ledgers 任务台账: order, monthly reports 调度, milestones, urging, quarterly evaluation, 销号. */
@RestController
@RequestMapping("/api/v1/ledger-tasks")
class LedgerTaskController {

    private final LedgerTasks tasks;

    LedgerTaskController(LedgerTasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping
    ResponseEntity<LedgerTaskView> order(
            @RequestBody LedgerTaskCommands.OrderTask c, @AuthenticationPrincipal StaffPrincipal me) {
        LedgerTaskView v = tasks.order(c, me);
        return ResponseEntity.created(URI.create("/api/v1/ledger-tasks/" + v.id()))
                .body(v);
    }

    @GetMapping
    List<LedgerTaskView> list(
            @RequestParam(defaultValue = "false") boolean open, @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.list(open, me);
    }

    @GetMapping("/{id}")
    LedgerTaskView task(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.find(id, me).orElseThrow(() -> Problems.notFound("ledger task", id.toString()));
    }

    @GetMapping("/{id}/history")
    List<HazardView.HistoryStep> history(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.history(id, me);
    }

    @PostMapping("/{id}/reports")
    LedgerTaskView report(
            @PathVariable UUID id,
            @RequestBody LedgerTaskCommands.Report c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.report(id, c, me);
    }

    @PostMapping("/{id}/milestones/done")
    LedgerTaskView milestone(
            @PathVariable UUID id,
            @RequestBody LedgerTaskCommands.CompleteMilestone c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.completeMilestone(id, c, me);
    }

    @PostMapping("/{id}/urge")
    LedgerTaskView urge(
            @PathVariable UUID id, @RequestBody LedgerTaskCommands.Urge c, @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.urge(id, c, me);
    }

    @PostMapping("/{id}/evaluations")
    LedgerTaskView evaluate(
            @PathVariable UUID id,
            @RequestBody LedgerTaskCommands.Evaluate c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.evaluate(id, c, me);
    }

    @PostMapping("/{id}/close")
    LedgerTaskView close(
            @PathVariable UUID id,
            @RequestBody LedgerTaskCommands.Close c,
            @AuthenticationPrincipal StaffPrincipal me) {
        return tasks.close(id, c, me);
    }
}
