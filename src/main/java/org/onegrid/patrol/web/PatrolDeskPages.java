package org.onegrid.patrol.web;

import java.time.LocalDate;
import java.util.List;
import org.onegrid.patrol.CoverageView;
import org.onegrid.patrol.PatrolApi;
import org.onegrid.patrol.Period;
import org.onegrid.patrol.domain.VisitRefused;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The centres' desk pages for visits: 走访变更确认 (the village centre confirms or rejects what grid workers found
 * changed) and 走访覆盖 (coverage of a region and period, with drill-down to the grids and the not-visited list).
 */
@Controller
@PreAuthorize("hasAnyRole('CENTRE_DISPATCHER','LEADER','ADMIN')")
class PatrolDeskPages {

    private final PatrolApi patrol;
    private final Regions regions;

    PatrolDeskPages(PatrolApi patrol, Regions regions) {
        this.patrol = patrol;
        this.regions = regions;
    }

    @GetMapping("/patrol/changes")
    String changes(
            @RequestParam(defaultValue = "true") boolean pending,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        model.addAttribute("changes", patrol.changeRequests(pending, me));
        model.addAttribute("pending", pending);
        return "patrol/changes";
    }

    @PostMapping("/patrol/changes/{id}")
    String decide(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam String decision,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        try {
            if ("confirm".equals(decision)) {
                patrol.confirm(id, version, me);
                redirect.addFlashAttribute("done", "已确认第 " + id + " 号变更，并已更新基础信息");
            } else {
                patrol.reject(id, version, reason, me);
                redirect.addFlashAttribute("done", "已驳回第 " + id + " 号变更");
            }
        } catch (VisitRefused refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("refused", e.getBody().getDetail());
        }
        return "redirect:/patrol/changes";
    }

    @GetMapping("/patrol/coverage")
    String coverage(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String grid,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        LocalDate day = date == null ? patrol.today() : date;
        Period p = Period.of(period, day, from, to);
        CoverageView view = patrol.coverage(region, p, me);
        List<RegionView> lineage =
                regions.lineage(view.code()).stream().filter(me::canSee).toList();
        model.addAttribute("view", view);
        model.addAttribute("period", p);
        model.addAttribute("date", day);
        model.addAttribute("lineage", lineage);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("grid", grid);
        boolean listable = p.key() != null && ("VILLAGE".equals(view.level()) || "TOWN".equals(view.level()));
        model.addAttribute("notVisited", listable ? patrol.notVisited(view.code(), grid, p, page, me) : List.of());
        model.addAttribute("listable", listable);
        return "patrol/coverage";
    }
}
