package org.onegrid.hazard.web;

import java.util.List;
import java.util.Map;
import org.onegrid.hazard.domain.Refused;
import org.onegrid.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused action answers as a problem (RFC 9457) with every reason in {@code errors}: 422 when the input does not
 * hold (a deadline in the past, evidence missing, 5 km from the place …), 409 when the state forbids it (done already,
 * closed).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
        assignableTypes = {
            HazardController.class,
            ScreeningPlanController.class,
            ScreeningTaskController.class,
            LedgerTaskController.class
        })
class HazardApiAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(Refused refused) {
        List<Map<String, String>> errors = refused.refusals().stream()
                .map(r -> Map.of("field", r.field(), "code", r.code(), "message", r.message()))
                .toList();
        HttpStatus status = refused.stateConflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail body = Problems.of(
                        status,
                        refused.stateConflict() ? "conflict" : "refused",
                        refused.getMessage(),
                        Map.of(
                                "field",
                                errors.get(0).get("field"),
                                "code",
                                errors.get(0).get("code"),
                                "errors",
                                errors))
                .getBody();
        return ResponseEntity.status(status).body(body);
    }
}
