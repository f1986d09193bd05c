package org.onegrid.incident.web;

import java.util.Map;
import org.onegrid.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A photo over the upload limit answers as the incident API's own problem, naming the field. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = IncidentController.class)
class IncidentApiAdvice {

    @ExceptionHandler
    ErrorResponseException tooLarge(MaxUploadSizeExceededException e) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "photo-too-large",
                "A photo may have at most 10 MB",
                Map.of("field", "file"));
    }
}
