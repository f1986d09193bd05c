package org.onegrid.incident.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onegrid.incident.domain.ActionRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Says why an action was refused in the reader's language. Refusals carry a code (the domain's refusal {@code reason},
 * or the problem type for the application's own checks) and the particulars; the pages look the code up as
 * {@code refusal.<code>} and fall back to the English detail for a code without a translation.
 */
@Component("refusalTexts")
public class RefusalTexts {

    private final MessageSource messages;

    RefusalTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal {@code e} in the language of {@code locale}. */
    public String text(RuntimeException e, Locale locale) {
        if (e instanceof ActionRefused refused) {
            return say(refused.rejection().code(), refused.rejection().args(), refused.reason(), locale);
        }
        if (e instanceof ErrorResponseException problem) {
            ProblemDetail body = problem.getBody();
            Map<String, Object> properties = body.getProperties() == null ? Map.of() : body.getProperties();
            String detail = body.getDetail() == null ? body.getTitle() : body.getDetail();
            List<?> args = properties.get("args") instanceof List<?> list ? list : List.of();
            return say(codeOf(body), args, detail, locale);
        }
        return e.getMessage();
    }

    /** The refusal {@code code} with its particulars in the language of the current request; else {@code fallback}. */
    public String say(String code, List<?> args, String fallback) {
        return say(code, args, fallback, LocaleContextHolder.getLocale());
    }

    private String say(String code, List<?> args, String fallback, Locale locale) {
        if (code == null || code.isEmpty()) {
            return fallback;
        }
        return messages.getMessage("refusal." + code, args == null ? null : args.toArray(), fallback, locale);
    }

    /** A problem's refusal code: its {@code reason} when it has one, otherwise the last part of its type. */
    public static String codeOf(ProblemDetail body) {
        Object reason =
                body.getProperties() == null ? null : body.getProperties().get("reason");
        if (reason != null) {
            return reason.toString();
        }
        String type = body.getType() == null ? "" : body.getType().toString();
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }
}
