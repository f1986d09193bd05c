package org.onegrid.staff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/** While no administrator exists, sends every page to {@code /setup}; static files and health stay reachable. */
class SetupRedirectFilter extends OncePerRequestFilter {

    private static final List<String> EXEMPT = List.of(
            "/setup",
            "/css/",
            "/js/",
            "/img/",
            "/webjars/",
            "/favicon.ico",
            "/actuator/",
            "/v3/api-docs",
            "/swagger-ui",
            "/error");

    private final SetupState setup;

    SetupRedirectFilter(SetupState setup) {
        this.setup = setup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (EXEMPT.stream().noneMatch(path::startsWith) && !setup.adminExists()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        chain.doFilter(request, response);
    }
}
