package org.onegrid.staff;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user, as every module sees it: the principal of the Spring Security authentication, so a
 * controller can take it as {@code @AuthenticationPrincipal StaffPrincipal me}, and any code can ask
 * {@link Staff#current()}.
 *
 * @param regionCode the root of the user's data scope: the region their organisation serves. The user sees and
 *     acts only on what lies in this region's subtree (official region codes are prefixes of their descendants).
 *     Empty for a provisional top-level organisation, which sees everything.
 */
public record StaffPrincipal(
        long userId,
        String username,
        String displayName,
        long orgId,
        String orgName,
        OrgKind orgKind,
        String regionCode,
        Set<Role> roles)
        implements AuthenticatedPrincipal, Serializable {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Whether a region (or a grid, whose code starts with its village's code) lies in this user's scope. */
    public boolean canSee(String code) {
        return code != null && code.startsWith(regionCode);
    }
}
