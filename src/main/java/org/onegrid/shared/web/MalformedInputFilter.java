package org.onegrid.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a malformed request before anything reads it — before the security filters, which read parameters too —
 * on every channel: a query or form body that is not percent-encoded UTF-8 ({@code description=100%}, {@code
 * status=%ZZ}, {@code %E0%A4}, {@code %%%=&&&}), a form body over the server's limit (2 MB), a parameter name or value
 * or an uploaded file's name with a character no text may hold ({@link TextRules}: {@code %00} would reach PostgreSQL
 * and fail there), a value longer than {@link TextRules#MAX_ANY}. The answer is a {@code 400} (or {@code 413}) naming
 * the parameter, in the caller's language ({@link ErrorAnswers}). Nothing is changed by a refused request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MalformedInputFilter extends OncePerRequestFilter {

    /** Tomcat names the parameter it could not decode, when its name could be read. */
    private static final java.util.regex.Pattern PARAMETER =
            java.util.regex.Pattern.compile("Parameter \\[([A-Za-z0-9_.\\[\\]-]{1,64})\\]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            // the error page of a refused request: its parameters are known to be unreadable
            chain.doFilter(request, response);
            return;
        }
        Optional<Refusal> refusal = check(request);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            ErrorAnswers.refuse(request, response, r.status(), r.field(), r.detail());
            return;
        }
        chain.doFilter(request, response);
    }

    record Refusal(HttpStatus status, String field, String detail) {}

    static Optional<Refusal> check(HttpServletRequest request) throws IOException, ServletException {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            if (multipart) {
                return unreadableUpload(e);
            }
            return Optional.of(unreadable(e));
        }
        for (Map.Entry<String, String[]> each : parameters.entrySet()) {
            String name = each.getKey();
            Optional<String> badName = TextRules.characterViolation(name);
            if (badName.isPresent()) {
                return Optional.of(
                        new Refusal(HttpStatus.BAD_REQUEST, "parameter name", "a parameter name " + badName.get()));
            }
            for (String value : each.getValue()) {
                Optional<String> bad = TextRules.violation(value, TextRules.MAX_ANY);
                if (bad.isPresent()) {
                    return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, name, name + " " + bad.get()));
                }
            }
        }
        if (multipart) {
            Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IllegalStateException | IOException | ServletException e) {
                return unreadableUpload(e);
            }
            for (Part part : parts) {
                String fileName = part.getSubmittedFileName();
                Optional<String> bad = TextRules.violation(fileName, 255);
                if (bad.isPresent()) {
                    return Optional.of(new Refusal(
                            HttpStatus.BAD_REQUEST,
                            part.getName(),
                            "the file name of " + part.getName() + " " + bad.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An upload Tomcat could not parse: over its size it is left to Spring MVC, which answers it as the endpoint's own
     * refusal (413); otherwise (a file name with a NUL, a broken body) it is refused here.
     */
    private static Optional<Refusal> unreadableUpload(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getSimpleName();
            if (type.contains("SizeLimitExceeded") || type.equals("SizeException")) {
                return Optional.empty();
            }
            if (type.equals("InvalidFileNameException")) {
                return Optional.of(new Refusal(
                        HttpStatus.BAD_REQUEST,
                        "file name",
                        "an uploaded file's name holds a character no text may hold (a NUL)"));
            }
        }
        return Optional.of(new Refusal(
                HttpStatus.BAD_REQUEST, "body", "The multipart body cannot be read: its parts are malformed"));
    }

    private static Refusal unreadable(IllegalStateException e) {
        if (e instanceof InvalidParameterException invalid
                && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return new Refusal(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body",
                    "The form body is larger than the server reads (2 MB); send less");
        }
        java.util.regex.Matcher named = PARAMETER.matcher(String.valueOf(e.getMessage()));
        return new Refusal(
                HttpStatus.BAD_REQUEST,
                named.find() ? named.group(1) : "parameters",
                "The parameters are not correctly percent-encoded UTF-8 (application/x-www-form-urlencoded):"
                        + " a % must be followed by two hexadecimal digits, and the bytes must form UTF-8");
    }
}
