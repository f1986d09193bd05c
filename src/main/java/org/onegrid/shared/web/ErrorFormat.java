package org.onegrid.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The form errors take for requests under some path, where it is neither the API's problem details nor the pages'
 * error page: Open311's error arrays under {@code /open311}. A bean of this type is asked by {@code ErrorAnswers} for
 * every error of a request it {@link #covers}: a page or resource that does not exist, a method not allowed, a
 * malformed request refused before it reached a controller, a failure.
 */
public interface ErrorFormat {

    /** Whether errors of a request to {@code path} (without the context path) are written here. */
    boolean covers(String path);

    /** The error as this format writes it: status, content type and body. */
    ResponseEntity<String> answer(String path, HttpStatus status, String detail);
}
