package org.onegrid.staff.security;

import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login form's authentication: the principal is a {@link StaffPrincipal}, not a {@code UserDetails}. */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Authenticator authenticator;

    StaffAuthenticationProvider(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String remoteAddr = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        Object credentials = authentication.getCredentials();
        StaffPrincipal principal = authenticator.authenticate(
                authentication.getName(), credentials == null ? null : credentials.toString(), remoteAddr, "form");
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.of(principal));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
