package org.onegrid.registry;

import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;

/**
 * Who may see and change what in the registry. A grid worker 网格员 (without a centre's or leader's role) works on
 * the people and places of their own grids only; everyone else within the region subtree of their data scope.
 * Residents see nothing of it. What lies outside is answered as if it did not exist.
 */
final class Access {

    private Access() {}

    static boolean gridBound(StaffPrincipal me) {
        return me.hasRole(Role.GRID_WORKER) && !me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER);
    }

    /** Whether the caller sees what lies in the grid (and region path). */
    static boolean sees(StaffPrincipal me, String gridCode, String regionPath) {
        if (me == null
                || !me.hasAnyRole(
                        Role.ADMIN,
                        Role.LEADER,
                        Role.CENTRE_DISPATCHER,
                        Role.GRID_WORKER,
                        Role.DEPARTMENT_HANDLER,
                        Role.MEDIATOR)) {
            return false;
        }
        if (gridBound(me)) {
            return me.grids().contains(gridCode);
        }
        String scope = me.scopePath() == null ? "" : me.scopePath();
        return regionPath != null && regionPath.startsWith(scope);
    }

    /** Whether the caller may register and change entries (in what they see). */
    static boolean mayWrite(StaffPrincipal me) {
        return me != null && me.hasAnyRole(Role.ADMIN, Role.CENTRE_DISPATCHER, Role.GRID_WORKER);
    }

    /** Whether the caller may read a person unmasked (in what they see), with a stated purpose. */
    static boolean mayUnmask(StaffPrincipal me) {
        return me != null && me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER, Role.GRID_WORKER);
    }

    /** Whether the caller supervises unmasked reads: reads the access log of their scope. */
    static boolean mayReadAccessLog(StaffPrincipal me) {
        return me != null && me.hasAnyRole(Role.ADMIN, Role.LEADER);
    }

    /** Whether the caller works with the registry at all: staff, not residents. */
    static boolean readsRegistry(StaffPrincipal me) {
        return me != null
                && me.hasAnyRole(
                        Role.ADMIN,
                        Role.LEADER,
                        Role.CENTRE_DISPATCHER,
                        Role.GRID_WORKER,
                        Role.DEPARTMENT_HANDLER,
                        Role.MEDIATOR);
    }
}
