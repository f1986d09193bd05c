package org.onegrid.hazard.scan;

import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onegrid.hazard.Hazards;
import org.onegrid.hazard.LedgerTasks;
import org.onegrid.hazard.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module's scheduled work, each on one application node at a time (ShedLock): generating the tasks of the
 * periods begun — each plan in its own transaction with its row locked, each task once by its unique key, so a
 * second node or a second run makes nothing twice, and periods missed while the application was down are caught up
 * —, marking overdue rectifications, urging overdue ledger milestones.
 */
@Component
class HazardJobs {

    private static final Logger log = LoggerFactory.getLogger(HazardJobs.class);

    private final Screening screening;
    private final Hazards hazards;
    private final LedgerTasks ledgerTasks;
    private final String generateCron;

    HazardJobs(
            Screening screening,
            Hazards hazards,
            LedgerTasks ledgerTasks,
            @Value("${onegrid.hazard.generate-cron:0 5 0 * * *}") String generateCron) {
        this.screening = screening;
        this.hazards = hazards;
        this.ledgerTasks = ledgerTasks;
        this.generateCron = generateCron;
    }

    @Scheduled(cron = "${onegrid.hazard.generate-cron:0 5 0 * * *}")
    @SchedulerLock(name = "hazard-generate", lockAtMostFor = "PT30M", lockAtLeastFor = "PT20S")
    void generate() {
        int n = 0;
        for (UUID plan : screening.plansDue()) {
            n += screening.generate(plan);
        }
        if (n > 0) {
            log.info("Screening tasks generated: {}", n);
        }
    }

    /**
     * After a start, the periods begun while the application was down: safe on every node at once, since each plan's
     * generation locks its row and each task exists once by its key.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (!"-".equals(generateCron)) {
            generate();
        }
    }

    @Scheduled(cron = "${onegrid.hazard.scan-cron:0 */10 * * * *}")
    @SchedulerLock(name = "hazard-overdue-scan", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    void scan() {
        hazards.scanOverdue();
    }

    @Scheduled(cron = "${onegrid.hazard.urge-cron:0 0 9 * * *}")
    @SchedulerLock(name = "ledger-task-urge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    void urge() {
        ledgerTasks.urgeOverdue();
    }
}
