package org.onegrid.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A department's pending request for more time (延期申请), counted in the handle stage's time mode.
 *
 * @param extra how much longer the department asks for
 * @param reason why
 */
public record ExtensionRequest(
        Duration extra, String reason, long requestedBy, long departmentId, Instant requestedAt) {

    public ExtensionRequest {
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
