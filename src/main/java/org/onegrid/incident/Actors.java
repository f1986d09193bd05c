package org.onegrid.incident;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.onegrid.incident.domain.Actor;
import org.onegrid.incident.domain.OrgKind;
import org.onegrid.incident.domain.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Component;

/**
 * The domain's {@link Actor} for a signed-in user and an action. A user with several roles acts in the first of the
 * roles the action is done in ({@code preferred}, in order) that the user has, otherwise in the first of their roles.
 * A grid worker's grids come with the principal, read with the account at the start of the request.
 */
@Component
class Actors {

    Actor of(StaffPrincipal me, Role... preferred) {
        Role role = roleFor(me, preferred);
        if (role == Role.RESIDENT) {
            return Actor.resident(me.userId(), me.displayName());
        }
        String path = me.scopePath() == null || me.scopePath().isEmpty() ? "/" : me.scopePath();
        OrgKind kind =
                me.orgKind() == null ? null : OrgKind.valueOf(me.orgKind().name());
        Set<String> grids = role == Role.GRID_WORKER ? me.grids() : Set.of();
        return new Actor(me.userId(), me.displayName(), role, me.orgId(), kind, path, grids);
    }

    static Role roleFor(StaffPrincipal me, Role... preferred) {
        Set<Role> held = me.roles().stream()
                .map(r -> Role.valueOf(r.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        for (Role role : preferred) {
            if (held.contains(role)) {
                return role;
            }
        }
        return held.stream().findFirst().orElse(Role.RESIDENT);
    }
}
