package org.onegrid.staff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.UserRow;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in page session true to the account as administrators change it: a disabled account, or one whose
 * password was set after the session began, is signed out at its next request; changed roles, organisation or name
 * apply from the next request on. Bearer tokens need none of this: each request reads its account afresh.
 *
 * <p>One primary-key read per request of a signed-in session (static files excepted), so that it holds on every
 * node behind a load balancer without a shared session registry.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private static final String[] STATIC = {"/webjars/", "/css/", "/js/", "/img/", "/favicon.ico"};

    private final UserRows users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    CurrentAccountFilter(UserRows users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : STATIC) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return BearerTokenFilter.token(request).isPresent() || request.getSession(false) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal signedIn) {
            HttpSession session = request.getSession(false);
            Optional<UserRow> account = users.find(signedIn.userId());
            if (account.isEmpty() || !account.get().enabled() || passwordSetSince(account.get(), session)) {
                contexts.clearContext();
                session.invalidate();
            } else {
                StaffPrincipal now = account.get().principal();
                if (!now.equals(signedIn)) {
                    var fresh = UsernamePasswordAuthenticationToken.authenticated(now, null, Authorities.of(now));
                    fresh.setDetails(authentication.getDetails());
                    SecurityContext context = contexts.createEmptyContext();
                    context.setAuthentication(fresh);
                    contexts.setContext(context);
                    repository.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean passwordSetSince(UserRow account, HttpSession session) {
        return account.passwordSetAt() != null
                && session != null
                && session.getCreationTime() < account.passwordSetAt().toEpochMilli();
    }
}
