package org.onegrid.incident.scan;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OverdueScan} once a minute, on one application node at a time: ShedLock holds a row of the {@code
 * shedlock} table while it runs. {@code onegrid.incident.scan-cron} changes the schedule; {@code -} switches it off.
 */
@Component
class OverdueScanJob {

    private final OverdueScan scan;

    OverdueScanJob(OverdueScan scan) {
        this.scan = scan;
    }

    @Scheduled(cron = "${onegrid.incident.scan-cron:0 * * * * *}")
    @SchedulerLock(name = "incident-overdue-scan", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    void run() {
        scan.run();
    }
}
