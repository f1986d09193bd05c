package org.onegrid.incident.scan;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link IdempotencyPurge} every hour, on one application node at a time (a ShedLock row, as the deadline
 * scan). {@code onegrid.incident.idempotency-purge-cron} changes the schedule; {@code -} switches it off.
 */
@Component
class IdempotencyPurgeJob {

    private final IdempotencyPurge purge;

    IdempotencyPurgeJob(IdempotencyPurge purge) {
        this.purge = purge;
    }

    @Scheduled(cron = "${onegrid.incident.idempotency-purge-cron:0 17 * * * *}")
    @SchedulerLock(name = "incident-idempotency-purge", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    void run() {
        purge.run();
    }
}
