package org.onegrid.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onegrid.incident.IncidentActionRecorded;
import org.onegrid.incident.IncidentClosed;
import org.onegrid.incident.domain.Deadlines;
import org.onegrid.incident.domain.HistoryEntry;
import org.onegrid.incident.domain.Incident;
import org.onegrid.incident.domain.IncidentEvent;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads incidents and saves what an action did, inside the caller's transaction: the row (optimistically, by
 * version), the new history entries, and then the events — the domain's own for listeners in this module, and the
 * public {@link IncidentActionRecorded} and {@link IncidentClosed} for other modules; Spring Modulith's event
 * publication registry keeps those durable for transactional listeners (the outbox).
 */
@Component
public class IncidentStore {

    private final IncidentRows rows;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;

    IncidentStore(IncidentRows rows, Deadlines deadlines, ApplicationEventPublisher events) {
        this.rows = rows;
        this.deadlines = deadlines;
        this.events = events;
    }

    /** An incident as loaded, with where it lies. */
    public record Loaded(Incident incident, IncidentRows.Placement placement, boolean yellowWarned) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Loaded> load(IncidentId id) {
        return rows.find(id)
                .map(stored -> new Loaded(
                        Incident.restore(
                                stored.snapshot(),
                                rows.history(id, stored.snapshot().version()),
                                deadlines),
                        stored.placement(),
                        stored.yellowWarned()));
    }

    /** Stores a new incident and publishes its events. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Incident incident, IncidentRows.Placement placement, Instant now) {
        List<HistoryEntry> entries = incident.unsavedHistory();
        rows.insert(incident, placement, now);
        publish(incident, entries);
    }

    /**
     * Saves an incident loaded at {@code expectedVersion} and publishes its events.
     *
     * @return false, with nothing saved or published, if someone else saved it meanwhile
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean save(Incident incident, long expectedVersion, Instant now) {
        List<HistoryEntry> entries = incident.unsavedHistory();
        if (entries.isEmpty()) {
            return true;
        }
        if (!rows.update(incident, expectedVersion, now)) {
            return false;
        }
        publish(incident, entries);
        return true;
    }

    private void publish(Incident incident, List<HistoryEntry> entries) {
        List<IncidentEvent> domainEvents = incident.pullEvents();
        domainEvents.forEach(events::publishEvent);
        IncidentSnapshot s = incident.snapshot();
        for (HistoryEntry e : entries) {
            events.publishEvent(new IncidentActionRecorded(
                    e.incidentId().value(),
                    e.sequence(),
                    e.action().name(),
                    e.fromStatus() == null ? null : e.fromStatus().name(),
                    e.toStatus().name(),
                    e.at(),
                    e.actorId(),
                    e.orgId(),
                    s.owner().orgId(),
                    s.intake().regionPath(),
                    s.intake().gridCode(),
                    s.terms().itemCode(),
                    s.intake().channel().name()));
        }
        for (IncidentEvent event : domainEvents) {
            if (event instanceof org.onegrid.incident.domain.IncidentClosed closed) {
                events.publishEvent(new IncidentClosed(
                        closed.incidentId().value(),
                        closed.at(),
                        closed.closedBy().name(),
                        closed.resolutionLevel().name(),
                        closed.ownerOrgId(),
                        s.intake().regionPath(),
                        s.terms().itemCode(),
                        s.reportedAt(),
                        closed.stageTimes().accept(),
                        closed.stageTimes().handle(),
                        closed.stageTimes().verify()));
            }
        }
    }
}
