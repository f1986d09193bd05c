package org.onegrid.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.onegrid.patrol.PatrolApi;
import org.onegrid.patrol.Period;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /dashboard}: the command screen 一屏指挥 for a region; its figures come from {@code /api/v1/dashboard/…}
 * and are fetched again when {@code /dashboard/stream} says incidents changed.
 */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'CENTRE_DISPATCHER')")
class DashboardPage {

    private final DashboardScope scope;
    private final Regions regions;
    private final DashboardStream stream;

    private final WorkCalendars calendars;
    private final Clock clock;
    private final PatrolApi patrol;

    DashboardPage(
            DashboardScope scope,
            Regions regions,
            DashboardStream stream,
            WorkCalendars calendars,
            Clock clock,
            PatrolApi patrol) {
        this.patrol = patrol;
        this.scope = scope;
        this.regions = regions;
        this.stream = stream;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String page(
            @RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        RegionView shown = scope.resolve(region, me);
        List<RegionView> lineage =
                regions.lineage(shown.code()).stream().filter(me::canSee).toList();
        model.addAttribute("region", shown);
        model.addAttribute("lineage", lineage);
        model.addAttribute(
                "calendarNotice",
                calendars
                        .notice(LocalDate.ofInstant(
                                clock.instant(), calendars.current().zone()))
                        .orElse(null));
        // 村不漏户、户不漏人 this month, from the visits' per-grid counters
        model.addAttribute(
                "coverage", patrol.coverage(shown.code(), Period.of("month", patrol.today(), null, null), me));
        return "dashboard/dashboard";
    }

    @GetMapping(path = "/dashboard/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return stream.watch(scope.resolve(region, me).path());
    }

    /** The city's time zone, for the screen's clock wherever the screen's computer is set. */
    @ModelAttribute("zone")
    String zone(@Value("${onegrid.worktime.zone:Asia/Shanghai}") String zone) {
        return zone;
    }
}
