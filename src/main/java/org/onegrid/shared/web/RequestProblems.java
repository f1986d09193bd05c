package org.onegrid.shared.web;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Names the offending field when a request to any API cannot be read — a body that is not JSON, a value of the wrong
 * type, a missing parameter or part — ahead of the general problem-details handler, which says only that the request
 * was bad.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class RequestProblems {

    @ExceptionHandler
    ErrorResponseException unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException databind
                && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return Problems.invalid(field, field + " " + why(databind));
        }
        return Problems.of(
                HttpStatus.BAD_REQUEST, "invalid-input", "the request body is missing or not valid JSON", Map.of());
    }

    /** What is wrong with the value: the text rule it breaks, or the type it should have had. */
    private static String why(JacksonException e) {
        if (e instanceof StrictJsonRequests.TextRefused) {
            return e.getOriginalMessage();
        }
        if (e instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return "is out of range of " + coercion.getTargetType().getSimpleName();
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "has an invalid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number (JSON integer)";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        return "has an invalid value";
    }

    @ExceptionHandler
    ErrorResponseException typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(e.getName(), e.getName() + " has an invalid value");
    }

    @ExceptionHandler
    ErrorResponseException missingParameter(MissingServletRequestParameterException e) {
        return Problems.invalid(e.getParameterName(), e.getParameterName() + " is required");
    }

    @ExceptionHandler
    ErrorResponseException missingPart(MissingServletRequestPartException e) {
        return Problems.invalid(e.getRequestPartName(), e.getRequestPartName() + " is required");
    }
}
