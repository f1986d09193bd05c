package org.onegrid.staff;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.onegrid.region.RegionView;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user, as every module sees it: the principal of the Spring Security authentication, so a
 * controller can take it as {@code @AuthenticationPrincipal StaffPrincipal me}, and any code can ask
 * {@link Staff#current()}.
 *
 * <p>The data scope: the user sees and acts only on what lies in the subtree of the region their organisation
 * serves ({@code regionCode}). A query filters with {@code region_path LIKE :scopePath || '%'} on a region path
 * (as the region module keeps it, {@code /3705/370523/370523101/}); in memory, {@link #canSee(RegionView)}.
 *
 * @param regionCode the root of the user's data scope; empty for a provisional top-level organisation
 * @param scopePath that region's path; empty (everything) for a provisional top-level organisation
 * @param grids the grids the user works in as a grid worker 网格员, by code; read with the account at each request,
 *     so a changed assignment applies from the user's next request on
 */
public record StaffPrincipal(
        long userId,
        String username,
        String displayName,
        long orgId,
        String orgName,
        OrgKind orgKind,
        String regionCode,
        String scopePath,
        Set<Role> roles,
        Set<String> grids)
        implements AuthenticatedPrincipal, Serializable {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
        grids = grids == null || grids.isEmpty()
                ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(grids));
    }

    /** A user who works in no grid. */
    public StaffPrincipal(
            long userId,
            String username,
            String displayName,
            long orgId,
            String orgName,
            OrgKind orgKind,
            String regionCode,
            String scopePath,
            Set<Role> roles) {
        this(userId, username, displayName, orgId, orgName, orgKind, regionCode, scopePath, roles, Set.of());
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

    /** Whether a region lies in this user's scope. */
    public boolean canSee(RegionView region) {
        return region != null && canSeePath(region.path());
    }

    /** Whether a region path ({@code /3705/370523/}) lies in this user's scope. */
    public boolean canSeePath(String regionPath) {
        return regionPath != null && regionPath.startsWith(scopePath);
    }
}
