package org.onegrid.dashboard;

import org.onegrid.dashboard.DashboardViews.CategoriesView;
import org.onegrid.dashboard.DashboardViews.KpisView;
import org.onegrid.dashboard.DashboardViews.MarkersView;
import org.onegrid.dashboard.DashboardViews.RankingView;
import org.onegrid.dashboard.DashboardViews.ShadingView;
import org.onegrid.dashboard.DashboardViews.TrendView;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's data, each for {@code ?region=} (by default the caller's own region) within the caller's scope. */
@RestController
@RequestMapping("/api/v1/dashboard")
@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'CENTRE_DISPATCHER')")
class DashboardApiController {

    private final DashboardScope scope;
    private final DashboardQueries queries;

    DashboardApiController(DashboardScope scope, DashboardQueries queries) {
        this.scope = scope;
        this.queries = queries;
    }

    @GetMapping("/kpis")
    KpisView kpis(@RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return queries.kpis(scope.resolve(region, me));
    }

    @GetMapping("/trend")
    TrendView trend(@RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return queries.trend(scope.resolve(region, me));
    }

    @GetMapping("/categories")
    CategoriesView categories(
            @RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return queries.categories(scope.resolve(region, me));
    }

    @GetMapping("/ranking")
    RankingView ranking(@RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return queries.ranking(scope.resolve(region, me));
    }

    @GetMapping("/markers")
    MarkersView markers(@RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return queries.markers(scope.resolve(region, me));
    }

    @GetMapping("/shading")
    ShadingView shading(@RequestParam(required = false) String region, @AuthenticationPrincipal StaffPrincipal me) {
        return queries.shading(scope.resolve(region, me));
    }
}
