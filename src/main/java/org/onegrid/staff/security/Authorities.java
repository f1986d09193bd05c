package org.onegrid.staff.security;

import java.util.List;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A principal's roles as Spring Security authorities ({@code ROLE_ADMIN}, ...). */
final class Authorities {

    private Authorities() {}

    static List<GrantedAuthority> of(StaffPrincipal principal) {
        return principal.roles().stream()
                .sorted()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
