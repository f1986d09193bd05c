package org.onegrid.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Turns a refusal thrown as {@link Problems} into messages per form field, so a page can show each message beside
 * its field instead of one line at the top. Fields the problem does not name land under {@link #GENERAL}.
 */
public final class FieldErrors {

    /** The key of a message that belongs to no single field. */
    public static final String GENERAL = "_";

    private FieldErrors() {}

    /**
     * @param rename maps a field as the facade names it ({@code departmentCodes[1]}, {@code accept.minutes}) to the
     *     form's field, or to {@link #GENERAL}
     * @return field → first message, in the problem's order
     */
    public static Map<String, String> of(ErrorResponseException e, UnaryOperator<String> rename) {
        Map<String, String> errors = new LinkedHashMap<>();
        ProblemDetail body = e.getBody();
        Map<String, Object> properties = body.getProperties() == null ? Map.of() : body.getProperties();
        if (properties.get("errors") instanceof List<?> list && !list.isEmpty()) {
            for (Object each : list) {
                if (each instanceof Map<?, ?> m && m.get("field") != null) {
                    errors.putIfAbsent(rename.apply(String.valueOf(m.get("field"))), String.valueOf(m.get("message")));
                }
            }
        }
        if (errors.isEmpty()) {
            Object field = properties.get("field");
            String key = field == null ? GENERAL : rename.apply(field.toString());
            errors.put(key, detail(body, field));
        }
        return errors;
    }

    /** The detail without a leading {@code field: } the facades put in front of it. */
    private static String detail(ProblemDetail body, Object field) {
        String detail = body.getDetail() == null ? "" : body.getDetail();
        if (field != null && detail.startsWith(field + ": ")) {
            return detail.substring(field.toString().length() + 2);
        }
        return detail;
    }
}
