package org.onegrid.staff.web;

import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.PageView;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Centres and departments, limited to the caller's region subtree. */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApi {

    private final Organisations organisations;

    OrganisationApi(Organisations organisations) {
        this.organisations = organisations;
    }

    /**
     * @param kind {@code CENTRE} or {@code DEPARTMENT}
     * @param region only organisations serving this region's subtree
     */
    @GetMapping
    PageView<OrganisationView> list(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return organisations.list(
                me,
                Paging.parse(OrgKind.class, "kind", kind),
                region == null || region.isBlank() ? null : region.trim(),
                paging.page(),
                paging.size());
    }

    /** 404 also for an organisation outside the caller's scope. */
    @GetMapping("/{id}")
    OrganisationView find(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return organisations.findVisible(me, id).orElseThrow(() -> Problems.notFound("organisation", "" + id));
    }
}
