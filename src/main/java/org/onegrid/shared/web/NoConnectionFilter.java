package org.onegrid.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After: 1} when a request got no database connection within
 * {@code spring.datasource.hikari.connection-timeout}: the pool is exhausted (the machine is overloaded) or the
 * database cannot be reached. The API answers an RFC 9457 problem of type {@code service-unavailable}, pages the error
 * page. Placed around the whole filter chain, security included, since an API request's first statement is the lookup
 * of its bearer token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NoConnectionFilter extends OncePerRequestFilter {

    static final String DETAIL =
            "The service is overloaded: no database connection became free in time. Retry shortly.";

    private static final Logger log = LoggerFactory.getLogger(NoConnectionFilter.class);

    private final JsonMapper json;

    NoConnectionFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!NoConnection.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            unavailable(request, response);
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, NoConnection.RETRY_AFTER);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://onegrid.org/problems/service-unavailable");
        problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        problem.put("detail", DETAIL);
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
