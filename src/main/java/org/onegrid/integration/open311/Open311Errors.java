package org.onegrid.integration.open311;

import org.onegrid.shared.web.ErrorFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors under {@code /open311} that no Open311 endpoint answered itself — a resource or method that does not exist,
 * a request refused as malformed before it reached one (bad percent-encoding, a body over the limit, a control
 * character), a failure — as the specification's error array, in the format the path names, like {@link
 * GeoReportAdvice}'s.
 */
@Component
class Open311Errors implements ErrorFormat {

    @Override
    public boolean covers(String path) {
        return path.equals("/open311") || path.startsWith("/open311/");
    }

    @Override
    public ResponseEntity<String> answer(String path, HttpStatus status, String detail) {
        return GeoReportAdvice.errors(path, status, detail);
    }
}
