package org.onegrid.incident.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.incident.domain.Centre;
import org.onegrid.incident.domain.Decision;
import org.onegrid.incident.domain.Incident;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.notification.IncidentNotifier;
import org.onegrid.incident.persistence.IncidentRows;
import org.onegrid.incident.persistence.IncidentStore;
import org.onegrid.incident.routing.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline scan (超期扫描): records every open stage whose deadline has passed as overdue — once per stage, which
 * notifies the owners and, where the item says so, escalates to the parent centre — and gives the yellow warning
 * (黄灯预警) once per stage at 80 % of its time. Each incident in its own transaction, so one that someone is acting on
 * right now (and that therefore changed meanwhile) is simply left for the next run. A run with much to do (after an
 * outage, or when many deadlines fall in one minute) yields to people's requests: it works at most {@code
 * onegrid.incident.scan-share} of the time (half by default) and rests the rest; an ordinary minute's scan never rests.
 */
@Component
public class OverdueScan {

    private static final Logger log = LoggerFactory.getLogger(OverdueScan.class);
    static final int BATCH = 500;
    static final int MAX_BATCHES = 20;
    private static final Duration SCAN_INTERVAL = Duration.ofMinutes(1);

    private final IncidentRows rows;
    private final IncidentStore store;
    private final Routing routing;
    private final IncidentNotifier notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final double share;

    OverdueScan(
            IncidentRows rows,
            IncidentStore store,
            Routing routing,
            IncidentNotifier notifications,
            TransactionTemplate tx,
            Clock clock,
            @Value("${onegrid.incident.scan-share:0.5}") double share) {
        this.rows = rows;
        this.store = store;
        this.routing = routing;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.share = Pacer.checked(share);
    }

    /** What one run did. */
    public record Result(int overdue, int escalated, int warned) {}

    /** Scans at the clock's time. */
    public Result run() {
        return runAt(clock.instant());
    }

    /** Scans as if it were {@code now}. */
    public Result runAt(Instant now) {
        int overdue = 0;
        int escalated = 0;
        int warned = 0;
        Pacer pacer = new Pacer(share, System::nanoTime, Pacer::sleep);
        // Batch after batch until a batch comes back short; one whose incidents could not be marked (someone was
        // acting on them) ends the run too, and the next run tries them again.
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<IncidentId> due = rows.overdue(now, BATCH);
            int marked = 0;
            for (IncidentId id : due) {
                Boolean escalatedNow = tx.execute(status -> markOverdue(id, now));
                if (escalatedNow != null) {
                    marked++;
                    escalated += escalatedNow ? 1 : 0;
                }
                pacer.done();
            }
            overdue += marked;
            if (due.size() < BATCH || marked == 0) {
                break;
            }
        }
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<IncidentRows.YellowDue> due = rows.yellowDue(now, BATCH);
            for (IncidentRows.YellowDue yellow : due) {
                Boolean sent = tx.execute(status -> {
                    if (!rows.markYellowWarned(yellow.id(), yellow.deadline())) {
                        return false;
                    }
                    notifications.deadlineWarning(yellow, now);
                    return true;
                });
                warned += Boolean.TRUE.equals(sent) ? 1 : 0;
                pacer.done();
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        if (overdue + warned > 0) {
            log.info(
                    "Deadline scan at {}: {} overdue, {} escalated, {} warned; rested {} ms",
                    now,
                    overdue,
                    escalated,
                    warned,
                    pacer.rested() / 1_000_000);
        }
        return new Result(overdue, escalated, warned);
    }

    /**
     * What the scan, running every minute, would have recorded for this one incident up to {@code until}: its
     * running stage, if due before then, recorded as overdue a minute after its deadline (and escalated where the
     * item says so). For replaying past days one incident at a time, where no scan ran.
     *
     * @return when it was recorded; empty if the stage was not due by then, or already recorded
     */
    public Optional<Instant> catchUp(UUID id, Instant until) {
        IncidentId incident = new IncidentId(id);
        return Optional.ofNullable(tx.execute(status -> store.load(incident)
                .flatMap(loaded -> loaded.incident().stage())
                .filter(stage -> !stage.overdueMarked())
                .map(stage -> stage.deadline().plus(SCAN_INTERVAL))
                .filter(due -> due.isBefore(until))
                .filter(due -> markOverdue(incident, due) != null)
                .orElse(null)));
    }

    /** @return whether it was escalated; null if nothing was recorded */
    private Boolean markOverdue(IncidentId id, Instant now) {
        IncidentStore.Loaded loaded = store.load(id).orElse(null);
        if (loaded == null) {
            return null;
        }
        Incident incident = loaded.incident();
        long version = incident.version();
        int escalations = incident.tally().escalations();
        Centre parent = routing.parentOf(incident.owner()).orElse(null);
        Decision decision = incident.markOverdue(now, parent);
        if (!decision.isAllowed()) {
            log.debug("Incident {} not marked overdue: {}", id, decision);
            return null;
        }
        if (!store.save(loaded, version, now)) {
            return null;
        }
        return incident.tally().escalations() > escalations;
    }
}
