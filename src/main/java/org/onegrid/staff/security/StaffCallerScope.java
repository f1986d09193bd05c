package org.onegrid.staff.security;

import org.onegrid.region.CallerScope;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's data scope, for the region module: the subtree of the region their organisation serves. An
 * authenticated caller that is not a staff account (only tests sign such callers in) sees everything when it holds
 * the administrator's role and nothing otherwise.
 */
@Component
class StaffCallerScope implements CallerScope {

    @Override
    public String path() {
        return Staff.currentIfAny()
                .map(StaffPrincipal::scopePath)
                .map(path -> path == null ? "" : path)
                .orElseGet(StaffCallerScope::otherCaller);
    }

    private static String otherCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return admin ? "" : null;
    }
}
