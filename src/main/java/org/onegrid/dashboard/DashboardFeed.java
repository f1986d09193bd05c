package org.onegrid.dashboard;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.onegrid.incident.IncidentActionRecorded;
import org.onegrid.incident.IncidentClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the read model in step with the incidents. The listener is synchronous and writes in the incident's own
 * transaction, just before it commits: the dashboard never lags behind nor shows an action that was rolled back,
 * and tests need no waiting. The cost is one small upsert per changed incident in the acting transaction; an
 * action records several history entries, so the ids are collected and written once per transaction. After the
 * commit the stream is told what changed. At start, a backfill adds what the read model lacks (incidents from
 * before the dashboard existed); it runs after the demo history (order 40).
 */
@Component
@Order(50)
class DashboardFeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    private final DashboardReadModel readModel;
    private final DashboardStream stream;

    DashboardFeed(DashboardReadModel readModel, DashboardStream stream) {
        this.readModel = readModel;
        this.stream = stream;
    }

    @EventListener
    void on(IncidentActionRecorded recorded) {
        changed(recorded.incidentId(), recorded.regionPath());
    }

    @EventListener
    void on(IncidentClosed closed) {
        changed(closed.incidentId(), closed.regionPath());
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        long seen = readModel.backfill();
        log.info(
                "Dashboard read model checked in {} ms: {}",
                (System.nanoTime() - started) / 1_000_000,
                seen == 0 ? "it holds every incident" : seen + " incidents seen");
    }

    private void changed(UUID id, String regionPath) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            readModel.refresh(Set.of(id));
            stream.changed(Set.of(regionPath));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.ids.add(id);
        pending.paths.add(regionPath);
    }

    /** The incidents one transaction changed. */
    private final class Pending implements TransactionSynchronization {
        final Set<UUID> ids = new LinkedHashSet<>();
        final Set<String> paths = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            readModel.refresh(ids);
        }

        @Override
        public void afterCommit() {
            stream.changed(paths);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DashboardFeed.this);
        }
    }
}
