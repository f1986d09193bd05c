package org.onegrid.staff;

import java.util.Set;

/**
 * A user as other modules and the API see it. The phone number is masked ({@code 138****1234}); the full
 * number never leaves the module.
 *
 * @param version rises with every change an administrator makes to the account; an edit names the version it read
 */
public record UserView(
        long id,
        String username,
        String displayName,
        long orgId,
        String orgName,
        OrgKind orgKind,
        String regionCode,
        Set<Role> roles,
        String phone,
        boolean enabled,
        int version) {

    public UserView {
        roles = Set.copyOf(roles);
    }
}
