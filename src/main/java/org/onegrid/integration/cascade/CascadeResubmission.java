package org.onegrid.integration.cascade;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the cascade's publications that did not complete back to their listener: a Kafka broker that was down, a
 * node that stopped between the commit and the listener, a database hiccup while an event moved into the delivery
 * outbox. Once a minute, on one node, for publications older than two minutes (younger ones may still be under
 * way); the HTTP outbox queues an event id once, and a Kafka consumer recognises a repeat by its key.
 */
@Component
class CascadeResubmission {

    private final IncompleteEventPublications incomplete;
    private final CascadeSettings settings;

    CascadeResubmission(IncompleteEventPublications incomplete, CascadeSettings settings) {
        this.incomplete = incomplete;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${onegrid.cascade.resubmit-every:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "cascade-resubmission", lockAtMostFor = "PT5M")
    void resubmit() {
        if (!settings.enabled()) {
            return;
        }
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(Duration.ofMinutes(2))
                .withBatchSize(500)
                .withFilter(publication -> publication.getEvent() instanceof CascadeEvent));
    }
}
