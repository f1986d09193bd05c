package org.onegrid.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that no controller answered itself — a path or method that does not exist, a malformed request refused
 * by {@link MalformedInputFilter}, a refusal of the security filters on a page, a failure — in the caller's language:
 * RFC 9457 problem details under {@code /api}, the format of an {@link ErrorFormat} under its path (Open311's error
 * arrays), and the error page {@code templates/error.html} (in Chinese) for pages. Replaces Spring Boot's Whitelabel
 * Error Page and its JSON, which said neither in the caller's terms.
 *
 * <p>A failure (5xx) never shows its exception's message: that is for the log.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    /** The request attribute naming the parameter or field a refusal is about. */
    static final String FIELD = ErrorAnswers.class.getName() + ".field";

    /** The request attribute holding the problem type of a refusal ({@code invalid-input}). */
    static final String TYPE = ErrorAnswers.class.getName() + ".type";

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private static final String FAILED = "The server could not process the request; it has been logged";

    private final ErrorAttributes errors;
    private final List<ErrorFormat> formats;
    private final JsonMapper json;

    ErrorAnswers(ErrorAttributes errors, List<ErrorFormat> formats, JsonMapper json) {
        this.errors = errors;
        this.formats = formats;
        this.json = json;
    }

    /**
     * Refuses a request before it reaches a controller: the answer is written by the error dispatch, in the caller's
     * language.
     */
    static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String field, String detail)
            throws IOException {
        request.setAttribute(FIELD, field);
        request.setAttribute(TYPE, status == HttpStatus.CONTENT_TOO_LARGE ? "content-too-large" : "invalid-input");
        response.sendError(status.value(), detail);
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String path = originalPath(request);
        if (request.getAttribute(FIELD) == null) {
            String field = field(errors.getError(new ServletWebRequest(request)));
            if (field != null) {
                request.setAttribute(FIELD, field);
            }
        }
        String detail = detail(request, status);
        for (ErrorFormat format : formats) {
            if (format.covers(path)) {
                ResponseEntity<String> answer = format.answer(path, status, detail);
                response.setStatus(answer.getStatusCode().value());
                response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
                response.getOutputStream()
                        .write(String.valueOf(answer.getBody()).getBytes(StandardCharsets.UTF_8));
                return null;
            }
        }
        if (path.startsWith("/api/")) {
            problem(request, response, status, detail, path);
            return null;
        }
        int shown = knownOnPage(status) ? status.value() : status.is4xxClientError() ? 400 : 500;
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("titleKey", "error." + shown + ".title");
        page.addObject("textKey", "error." + shown + ".text");
        page.addObject("field", request.getAttribute(FIELD));
        return page;
    }

    /** The parameter or field a refusal of Spring MVC, or a {@link Problems} refusal, names. */
    private static String field(Throwable error) {
        if (error instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName();
        }
        if (error instanceof MethodArgumentTypeMismatchException mismatch) {
            return mismatch.getName();
        }
        if (error instanceof ErrorResponse response
                && response.getBody().getProperties() != null
                && response.getBody().getProperties().get("field") instanceof String field) {
            return field;
        }
        return null;
    }

    private static boolean knownOnPage(HttpStatus status) {
        return switch (status.value()) {
            case 400, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503 -> true;
            default -> false;
        };
    }

    private void problem(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail, String path)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://onegrid.org/problems/" + type(request, status));
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        Object field = request.getAttribute(FIELD);
        if (field != null) {
            problem.put("field", field);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private String detail(HttpServletRequest request, HttpStatus status) {
        Throwable error = errors.getError(new ServletWebRequest(request));
        if (status.is5xxServerError()) {
            if (error != null && status == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.debug("{} answered {}", originalPath(request), status.value(), error);
            }
            return status == HttpStatus.SERVICE_UNAVAILABLE ? NoConnectionFilter.DETAIL : FAILED;
        }
        if (error instanceof ErrorResponse response && response.getBody().getDetail() != null) {
            return response.getBody().getDetail();
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (message instanceof String text && !text.isBlank()) {
            return text;
        }
        return switch (status) {
            case NOT_FOUND -> "There is nothing at " + originalPath(request);
            case METHOD_NOT_ALLOWED -> "The method is not allowed here";
            case FORBIDDEN -> "Not allowed";
            case UNAUTHORIZED -> "Sign in first";
            default -> status.getReasonPhrase();
        };
    }

    private static String type(HttpServletRequest request, HttpStatus status) {
        if (request.getAttribute(TYPE) instanceof String type) {
            return type;
        }
        return switch (status) {
            case BAD_REQUEST -> "invalid-input";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONTENT_TOO_LARGE -> "content-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case SERVICE_UNAVAILABLE -> "service-unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context)
                ? path.substring(context.length())
                : path;
    }
}
