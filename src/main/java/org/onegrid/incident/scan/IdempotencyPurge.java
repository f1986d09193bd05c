package org.onegrid.incident.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.onegrid.incident.persistence.IdempotencyRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Forgets {@code Idempotency-Key}s of reports older than {@code onegrid.incident.idempotency-retention} (7 days): a
 * client retries a report within seconds or hours, never weeks later, and the table would otherwise grow with every
 * keyed report. Within the retention a retried report still answers the incident it created. Deletes in batches of
 * {@value #BATCH}, each its own short statement, until a batch comes back short.
 */
@Component
public class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);
    static final int BATCH = 1000;

    private final IdempotencyRows rows;
    private final Clock clock;
    private final Duration retention;

    IdempotencyPurge(
            IdempotencyRows rows,
            Clock clock,
            @Value("${onegrid.incident.idempotency-retention:7d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(
                    "onegrid.incident.idempotency-retention must be positive, not " + retention);
        }
        this.rows = rows;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Deletes the keys older than the retention at the clock's time.
     *
     * @return how many were deleted
     */
    public int run() {
        Instant before = clock.instant().minus(retention);
        int deleted = 0;
        int batch;
        do {
            batch = rows.deleteClaimedBefore(before, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("Idempotency keys claimed before {}: {} deleted", before, deleted);
        }
        return deleted;
    }
}
