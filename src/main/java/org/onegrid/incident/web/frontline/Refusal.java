package org.onegrid.incident.web.frontline;

import java.util.List;
import java.util.Map;
import org.onegrid.incident.domain.ActionRefused;
import org.onegrid.incident.web.RefusalTexts;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why an action or a report was refused, to show beside the form: the refusal's code and particulars, which the pages
 * translate (see {@link org.onegrid.incident.web.RefusalTexts}), its English detail, and the field it is about when
 * the refusal names one.
 */
record Refusal(String field, String code, List<?> args, String message) {

    /** A form's own check of {@code field}, whose {@code messageKey} the page shows beside it. */
    static Refusal atField(String field, String messageKey) {
        return new Refusal(field, null, List.of(), messageKey);
    }

    static Refusal of(RuntimeException e) {
        if (e instanceof ErrorResponseException problem) {
            ProblemDetail body = problem.getBody();
            Map<String, Object> properties = body.getProperties() == null ? Map.of() : body.getProperties();
            Object field = properties.get("field");
            String detail = body.getDetail() == null ? body.getTitle() : body.getDetail();
            return new Refusal(
                    field == null ? null : field.toString(),
                    RefusalTexts.codeOf(body),
                    properties.get("args") instanceof List<?> args ? args : List.of(),
                    detail);
        }
        if (e instanceof ActionRefused refused) {
            return new Refusal(
                    null, refused.rejection().code(), refused.rejection().args(), refused.reason());
        }
        throw e;
    }

    static boolean isRefusal(RuntimeException e) {
        return e instanceof ErrorResponseException || e instanceof ActionRefused;
    }
}
