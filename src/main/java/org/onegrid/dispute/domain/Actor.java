package org.onegrid.dispute.domain;

import java.util.Set;
import org.onegrid.staff.Role;

/** Who acts: a user with their roles and organisation. */
public record Actor(long userId, String name, Set<Role> roles, long orgId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role the history records for this action: the first of {@code preferred} the actor holds. */
    String roleFor(Role... preferred) {
        for (Role r : preferred) {
            if (roles.contains(r)) {
                return r.name();
            }
        }
        return roles.stream().map(Role::name).sorted().findFirst().orElse("");
    }
}
