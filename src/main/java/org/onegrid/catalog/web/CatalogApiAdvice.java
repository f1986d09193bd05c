package org.onegrid.catalog.web;

import java.util.Map;
import org.onegrid.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;

/**
 * Names the offending field when a request to the catalog API cannot be read (a level or mode that does not exist,
 * text where a number belongs), ahead of the general handler, which says only that the request was bad.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CatalogApi.class)
class CatalogApiAdvice {

    @ExceptionHandler
    ErrorResponseException unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return Problems.invalid(field, field + ": 值无效");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "请求体不是有效的 JSON", Map.of());
    }

    @ExceptionHandler
    ErrorResponseException typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(e.getName(), e.getName() + ": 值无效");
    }
}
