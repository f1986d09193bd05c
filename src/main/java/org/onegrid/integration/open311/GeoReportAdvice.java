package org.onegrid.integration.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.shared.web.NoConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the Open311 endpoints as the specification writes them: an array of errors, each with its code and
 * description, in the format the resource was asked in; never a problem document or an error page.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = GeoReportController.class)
class GeoReportAdvice {

    private static final String OVERLOADED =
            "Service overloaded: no database connection became free in time; retry shortly";

    private static final Logger log = LoggerFactory.getLogger(GeoReportAdvice.class);

    @ExceptionHandler
    ResponseEntity<String> refused(Open311Exception e, HttpServletRequest request) {
        ResponseEntity<String> refusal = errors(request, e.status(), e.getMessage());
        if (e.retryAfter() == null) {
            return refusal;
        }
        return ResponseEntity.status(refusal.getStatusCode())
                .headers(refusal.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
                .body(refusal.getBody());
    }

    @ExceptionHandler
    ResponseEntity<String> failed(Exception e, HttpServletRequest request) {
        if (NoConnection.causedBy(e)) {
            log.warn(
                    "Open311 request {} {} answered 503: no database connection",
                    request.getMethod(),
                    request.getRequestURI());
            ResponseEntity<String> busy = errors(request, HttpStatus.SERVICE_UNAVAILABLE, OVERLOADED);
            return ResponseEntity.status(busy.getStatusCode())
                    .headers(busy.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, NoConnection.RETRY_AFTER)
                    .body(busy.getBody());
        }
        log.error("Open311 request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return errors(
                request, HttpStatus.INTERNAL_SERVER_ERROR, "General service error: the request could not be processed");
    }

    static ResponseEntity<String> errors(HttpServletRequest request, HttpStatus status, String description) {
        return errors(request.getRequestURI(), status, description);
    }

    static ResponseEntity<String> errors(String path, HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return Open311Format.ofPath(path).respond(status, "errors", List.of(error));
    }
}
