package org.onegrid.shared.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details for the API. Throw what these return; Spring MVC renders them as {@code
 * application/problem+json}. Extra properties (the offending {@code field}, a {@code line} number, a list of
 * {@code errors}) appear as members of the problem object.
 */
public final class Problems {

    private Problems() {}

    public static ErrorResponseException of(HttpStatus status, String type, String detail) {
        return of(status, type, detail, Map.of());
    }

    public static ErrorResponseException of(HttpStatus status, String type, String detail, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://onegrid.org/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }

    /** The first and last day a date parameter may name: beyond them no record can be, and dates stop counting. */
    public static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(1970, 1, 1);

    public static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(9999, 12, 31);

    /** 400 naming {@code field} when {@code day} lies outside {@link #FIRST_DAY}–{@link #LAST_DAY}; null passes. */
    public static void checkDay(String field, java.time.LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw invalid(field, field + " must be a day from " + FIRST_DAY + " to " + LAST_DAY);
        }
    }

    /** 400: a parameter or field is invalid; {@code field} names it. */
    public static ErrorResponseException invalid(String field, String detail) {
        return of(HttpStatus.BAD_REQUEST, "invalid-input", detail, Map.of("field", field));
    }

    /**
     * 400: several fields are invalid, each named in {@code errors} (as a page's {@link FieldErrors} reads them); the
     * detail and {@code field} name the first of them.
     *
     * @param errors one map per violation, each with at least {@code field} and {@code message}, in the order shown
     */
    public static ErrorResponseException invalidFields(java.util.List<Map<String, String>> errors) {
        Map<String, String> first = errors.get(0);
        return of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                first.get("field") + ": " + first.get("message"),
                Map.of("field", first.get("field"), "errors", errors));
    }

    /** 404: nothing with this code or id. */
    public static ErrorResponseException notFound(String what, String key) {
        return of(HttpStatus.NOT_FOUND, "not-found", what + " " + key + " does not exist", Map.of("key", key));
    }

    /** 403: the caller may not do this, or not in this region. */
    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    /** 409: the state changed or does not allow this action. */
    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", detail);
    }
}
