package org.onegrid.incident.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.casework.time.OverdueSweep;
import org.onegrid.casework.time.Pacer;
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
        this.share = Pacer.checked(share, "onegrid.incident.scan-share");
    }

    /** What one run did. */
    public record Result(int overdue, int escalated, int warned) {}

    /** Scans at the clock's time. */
    public Result run() {
        return runAt(clock.instant());
    }

    /** Scans as if it were {@code now}. */
    public Result runAt(Instant now) {
        Pacer pacer = new Pacer(share, System::nanoTime, Pacer::sleep);
        int[] escalated = {0};
        int overdue = OverdueSweep.sweep(
                new OverdueSweep.Due<IncidentId>() {
                    @Override
                    public List<IncidentId> due(int limit) {
                        return rows.overdue(now, limit);
                    }

                    @Override
                    public boolean mark(IncidentId id) {
                        Boolean escalatedNow = tx.execute(status -> markOverdue(id, now));
                        escalated[0] += Boolean.TRUE.equals(escalatedNow) ? 1 : 0;
                        return escalatedNow != null;
                    }
                },
                pacer);
        int warned = OverdueSweep.sweep(
                new OverdueSweep.Due<IncidentRows.YellowDue>() {
                    @Override
                    public List<IncidentRows.YellowDue> due(int limit) {
                        return rows.yellowDue(now, limit);
                    }

                    @Override
                    public boolean mark(IncidentRows.YellowDue yellow) {
                        return Boolean.TRUE.equals(tx.execute(status -> {
                            if (!rows.markYellowWarned(yellow.id(), yellow.deadline())) {
                                return false;
                            }
                            notifications.deadlineWarning(yellow, now);
                            return true;
                        }));
                    }
                },
                pacer);
        if (overdue + warned > 0) {
            log.info(
                    "Deadline scan at {}: {} overdue, {} escalated, {} warned; rested {} ms",
                    now,
                    overdue,
                    escalated[0],
                    warned,
                    pacer.rested() / 1_000_000);
        }
        return new Result(overdue, escalated[0], warned);
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
