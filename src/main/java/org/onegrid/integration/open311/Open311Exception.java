package org.onegrid.integration.open311;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A refusal in Open311's terms: the HTTP status and the description its error array carries. */
final class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;

    Open311Exception(HttpStatus status, String description) {
        this(status, description, null);
    }

    private Open311Exception(HttpStatus status, String description, Duration retryAfter) {
        super(description);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** 429: over a limit, to be tried again after {@code retryAfter} (sent as {@code Retry-After}). */
    static Open311Exception tooMany(String description, Duration retryAfter) {
        return new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, description, retryAfter);
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(HttpStatus.FORBIDDEN, description);
    }

    HttpStatus status() {
        return status;
    }

    /** When a refusal over a limit may be tried again; null for other refusals. */
    Duration retryAfter() {
        return retryAfter;
    }
}
