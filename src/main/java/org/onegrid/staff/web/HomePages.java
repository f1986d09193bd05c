package org.onegrid.staff.web;

import java.util.EnumMap;
import java.util.Map;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@code /} sends a signed-in user, by role ({@code onegrid.home.by-role.GRID_WORKER=/m}); a user with several
 * roles goes to the home of the first one in {@link Role} order. Roles without an entry go to {@code /home}.
 */
@ConfigurationProperties("onegrid.home")
record HomePages(Map<Role, String> byRole) {

    static final String DEFAULT = "/home";

    HomePages {
        byRole = byRole == null ? Map.of() : new EnumMap<>(byRole);
    }

    String of(StaffPrincipal user) {
        return user.roles().stream()
                .sorted()
                .map(byRole::get)
                .filter(path -> path != null && path.startsWith("/") && !path.startsWith("//"))
                .findFirst()
                .orElse(DEFAULT);
    }
}
