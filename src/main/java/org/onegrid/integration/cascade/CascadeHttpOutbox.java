package org.onegrid.integration.cascade;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onegrid.integration.delivery.Outbox;
import org.onegrid.integration.delivery.Receiver;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP transport of the cascade: each {@link CascadeEvent}, once its transaction committed, moves from Spring
 * Modulith's publication registry into the delivery outbox, whose sender posts it to {@code onegrid.cascade.url}
 * with its event id, retries it with backoff while the platform is down, and shows it on the admin page. The move
 * is idempotent by event id: a publication the registry hands over twice (after a restart) is queued once.
 */
@Component
class CascadeHttpOutbox implements Receiver {

    static final String RECEIVER = "cascade";

    private final CascadeSettings settings;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    CascadeHttpOutbox(CascadeSettings settings, Outbox outbox, JsonMapper json) {
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(CascadeEvent event) {
        if (settings.kafka()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.eventId());
        body.put("type", event.type());
        body.put("occurredAt", event.occurredAt());
        body.put("subject", event.subject());
        body.put("sequence", event.sequence());
        body.put("data", event.data());
        outbox.add(
                RECEIVER,
                event.eventId(),
                event.type(),
                event.subject(),
                event.sequence(),
                json.writeValueAsString(body),
                clock.instant());
    }

    @Override
    public String name() {
        return RECEIVER;
    }

    @Override
    public Optional<URI> url() {
        return settings.kafka()
                ? Optional.empty()
                : Optional.ofNullable(settings.url()).map(URI::create);
    }
}
