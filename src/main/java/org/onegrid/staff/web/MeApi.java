package org.onegrid.staff.web;

import java.util.List;
import org.onegrid.staff.GridAssignmentView;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. */
@RestController
class MeApi {

    private final Organisations organisations;
    private final Staff staff;

    MeApi(Organisations organisations, Staff staff) {
        this.organisations = organisations;
        this.staff = staff;
    }

    record RoleView(Role code, String label) {}

    /**
     * @param regionCode the root of the caller's data scope
     */
    record Me(
            long id,
            String username,
            String displayName,
            OrganisationView organisation,
            String regionCode,
            List<RoleView> roles,
            List<GridAssignmentView> grids) {}

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal StaffPrincipal me) {
        return new Me(
                me.userId(),
                me.username(),
                me.displayName(),
                organisations.find(me.orgId()).orElseThrow(),
                me.regionCode(),
                me.roles().stream()
                        .sorted()
                        .map(r -> new RoleView(r, r.label()))
                        .toList(),
                staff.gridsOf(me.userId()));
    }
}
