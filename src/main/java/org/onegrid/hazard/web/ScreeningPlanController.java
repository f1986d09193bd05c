package org.onegrid.hazard.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.onegrid.hazard.OrderPlan;
import org.onegrid.hazard.PlanView;
import org.onegrid.hazard.Screening;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Screening plans 排查计划: order one (its current period's tasks are generated at once), list, read, stop. */
@RestController
@RequestMapping("/api/v1/screening-plans")
class ScreeningPlanController {

    private final Screening screening;

    ScreeningPlanController(Screening screening) {
        this.screening = screening;
    }

    @PostMapping
    ResponseEntity<PlanView> order(@RequestBody OrderPlan c, @AuthenticationPrincipal StaffPrincipal me) {
        PlanView v = screening.orderPlan(c, me);
        return ResponseEntity.created(URI.create("/api/v1/screening-plans/" + v.id()))
                .body(v);
    }

    @GetMapping
    List<PlanView> list(@AuthenticationPrincipal StaffPrincipal me) {
        return screening.plans(me);
    }

    @GetMapping("/{id}")
    PlanView plan(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return screening.plan(id, me).orElseThrow(() -> Problems.notFound("plan", id.toString()));
    }

    record Stop(Integer version) {}

    @PostMapping("/{id}/stop")
    PlanView stop(
            @PathVariable UUID id, @RequestBody(required = false) Stop c, @AuthenticationPrincipal StaffPrincipal me) {
        return screening.stopPlan(id, c == null ? null : c.version(), me);
    }
}
