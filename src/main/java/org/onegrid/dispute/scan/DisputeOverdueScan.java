package org.onegrid.dispute.scan;

import java.time.Clock;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onegrid.dispute.DisputeApi;
import org.onegrid.dispute.persistence.DisputeLists;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks open disputes past their time limit (人民调解 30 days, or as extended) as overdue, once each, and tells their
 * mediator and body; on one node at a time. {@code onegrid.dispute.scan-cron} changes the schedule; {@code -} switches
 * it off.
 */
@Component
public class DisputeOverdueScan {

    private final DisputeLists lists;
    private final DisputeApi disputes;
    private final Clock clock;

    DisputeOverdueScan(DisputeLists lists, DisputeApi disputes, Clock clock) {
        this.lists = lists;
        this.disputes = disputes;
        this.clock = clock;
    }

    @Scheduled(cron = "${onegrid.dispute.scan-cron:0 */5 * * * *}")
    @SchedulerLock(name = "dispute-overdue-scan", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    void scheduled() {
        run();
    }

    /** One pass; how many cases it marked. */
    public int run() {
        int marked = 0;
        while (true) {
            var due = lists.overdue(clock.instant(), 200);
            int before = marked;
            for (UUID id : due) {
                if (disputes.markOverdue(id)) {
                    marked++;
                }
            }
            if (due.size() < 200 || marked == before) {
                return marked;
            }
        }
    }
}
