package org.onegrid.incident.web.frontline;

import java.util.Map;
import org.onegrid.incident.domain.ActionRefused;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why an action or a report was refused, to show beside the form: the message, and the field it is about when the
 * refusal names one.
 */
record Refusal(String field, String message) {

    static Refusal of(RuntimeException e) {
        if (e instanceof ErrorResponseException problem) {
            ProblemDetail body = problem.getBody();
            Map<String, Object> properties = body.getProperties();
            Object field = properties == null ? null : properties.get("field");
            String detail = body.getDetail() == null ? body.getTitle() : body.getDetail();
            return new Refusal(field == null ? null : field.toString(), detail);
        }
        if (e instanceof ActionRefused refused) {
            return new Refusal(null, refused.rejection().reason());
        }
        throw e;
    }

    static boolean isRefusal(RuntimeException e) {
        return e instanceof ErrorResponseException || e instanceof ActionRefused;
    }
}
