package org.onegrid.incident.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.incident.IncidentActionRecorded;
import org.onegrid.incident.IncidentClosed;
import org.onegrid.incident.domain.HistoryEntry;
import org.onegrid.incident.domain.Incident;
import org.onegrid.incident.domain.IncidentEvent;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Loads incidents and saves what an action did, inside the caller's transaction: the row (optimistically, by
 * version), the new history entries, and then the events — the domain's own for listeners in this module, and the
 * public {@link IncidentActionRecorded} and {@link IncidentClosed} for other modules; Spring Modulith's event
 * publication registry keeps those durable for transactional listeners (the outbox).
 *
 * <p>What it saved, the store keeps until the transaction ends ({@link #saved}): the listeners that run in the same
 * transaction (notifications, the dashboard's read model) take an incident's facts from there instead of reading
 * back the row just written.
 */
@Component
public class IncidentStore {

    private final IncidentRows rows;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    /** The key of this store's {@link SavedInTransaction} among the transaction's resources. */
    private final Object savedKey = new Object();

    IncidentStore(IncidentRows rows, Deadlines deadlines, ApplicationEventPublisher events) {
        this.rows = rows;
        this.deadlines = deadlines;
        this.events = events;
    }

    /** An incident as loaded, with where it lies. */
    public record Loaded(Incident incident, IncidentRows.Placement placement, boolean yellowWarned) {}

    /**
     * An incident as this transaction last saved it: its state and placement, exactly what its row now holds, and its
     * whole history, oldest first.
     */
    public record Saved(IncidentSnapshot snapshot, IncidentRows.Placement placement, List<HistoryEntry> history) {}

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

    /**
     * Stores a new incident and publishes its events.
     *
     * @return its placement with the number (事件编号) it was given
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IncidentRows.Placement add(Incident incident, IncidentRows.Placement placement, Instant now) {
        List<HistoryEntry> entries = incident.unsavedHistory();
        IncidentRows.Placement numbered = placement.withNumber(rows.insert(incident, placement, now));
        publish(incident, numbered, entries);
        return numbered;
    }

    /**
     * Saves an incident loaded at {@code expectedVersion} and acted on since, and publishes its events.
     *
     * @return false, with nothing saved or published, if someone else saved it meanwhile
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean save(Loaded loaded, long expectedVersion, Instant now) {
        Incident incident = loaded.incident();
        List<HistoryEntry> entries = incident.unsavedHistory();
        if (entries.isEmpty()) {
            return true;
        }
        if (!rows.update(incident, expectedVersion, now)) {
            return false;
        }
        publish(incident, loaded.placement(), entries);
        return true;
    }

    /**
     * The incident as the caller's transaction last saved it through this store; empty if it did not (or outside a
     * transaction), and then only the database knows.
     */
    public Optional<Saved> saved(IncidentId id) {
        SavedInTransaction saved = (SavedInTransaction) TransactionSynchronizationManager.getResource(savedKey);
        return saved == null ? Optional.empty() : Optional.ofNullable(saved.incidents.get(id));
    }

    private void remember(Incident incident, IncidentSnapshot snapshot, IncidentRows.Placement placement) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        SavedInTransaction saved = (SavedInTransaction) TransactionSynchronizationManager.getResource(savedKey);
        if (saved == null) {
            saved = new SavedInTransaction();
            TransactionSynchronizationManager.bindResource(savedKey, saved);
            TransactionSynchronizationManager.registerSynchronization(saved);
        }
        saved.incidents.put(snapshot.id(), new Saved(snapshot, placement, incident.history()));
    }

    /** The incidents one transaction saved, forgotten when it ends, committed or not. */
    private final class SavedInTransaction implements TransactionSynchronization {
        final Map<IncidentId, Saved> incidents = new HashMap<>();

        /** A transaction of its own started meanwhile (an audit entry) saved none of these. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(savedKey);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(savedKey, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(savedKey);
        }
    }

    private void publish(Incident incident, IncidentRows.Placement placement, List<HistoryEntry> entries) {
        IncidentSnapshot s = incident.snapshot();
        // before the events: their listeners run now, in this transaction, and may ask for it
        remember(incident, s, placement);
        List<IncidentEvent> domainEvents = incident.pullEvents();
        domainEvents.forEach(events::publishEvent);
        for (HistoryEntry e : entries) {
            events.publishEvent(new IncidentActionRecorded(
                    e.incidentId().value(),
                    placement.number(),
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
                        placement.number(),
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
