package org.onegrid.hazard;

import org.onegrid.hazard.domain.Actor;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;

/** Who acts, as the domain sees them; and the roles each kind of action needs. */
final class Actors {

    static final Actor SYSTEM = new Actor(0, "系统", "SYSTEM", 0, "系统", "/");

    private Actors() {}

    static Actor of(StaffPrincipal me, Role role) {
        return new Actor(
                me.userId(),
                me.displayName(),
                role.name(),
                me.orgId(),
                me.orgName(),
                me.scopePath() == null ? "" : me.scopePath());
    }

    /** The first of {@code allowed} the caller has, in that order; 403 naming what is needed when none. */
    static Role actingAs(StaffPrincipal me, String what, Role... allowed) {
        if (me != null) {
            for (Role r : allowed) {
                if (me.hasRole(r)) {
                    return r;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (Role r : allowed) {
            b.append(b.isEmpty() ? "" : "、").append(r.label());
        }
        throw Problems.forbidden(what + "须由" + b + "办理");
    }

    /** Leaders, centres and departments: the levels that order, notify, accept, supervise. */
    static Role level(StaffPrincipal me, String what) {
        return actingAs(me, what, Role.CENTRE_DISPATCHER, Role.DEPARTMENT_HANDLER, Role.LEADER, Role.ADMIN);
    }

    /** Anyone who works in the field or at a desk. */
    static Role staff(StaffPrincipal me, String what) {
        return actingAs(
                me, what, Role.GRID_WORKER, Role.CENTRE_DISPATCHER, Role.DEPARTMENT_HANDLER, Role.LEADER, Role.ADMIN);
    }
}
