package org.onegrid.dispute.scan;

import java.time.Clock;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onegrid.casework.time.OverdueSweep;
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

    /** One pass through the shared sweep: how many cases it marked. */
    public int run() {
        return OverdueSweep.sweep(
                new OverdueSweep.Due<UUID>() {
                    @Override
                    public java.util.List<UUID> due(int limit) {
                        return lists.overdue(clock.instant(), limit);
                    }

                    @Override
                    public boolean mark(UUID id) {
                        try {
                            return disputes.markOverdue(id);
                        } catch (org.springframework.web.ErrorResponseException changedMeanwhile) {
                            return false;
                        }
                    }
                },
                OverdueSweep.unpaced());
    }
}
