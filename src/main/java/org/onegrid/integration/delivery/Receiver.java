package org.onegrid.integration.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A system the outbox delivers to: its name in the {@code delivery} table and where to send, if configured. A
 * delivery to a receiver without a URL stays pending until one is configured.
 */
public interface Receiver {

    /** The name deliveries are stored under, e.g. {@code hotline}. */
    String name();

    /** Where deliveries go by HTTP POST; empty while none is configured. */
    Optional<URI> url();

    /** Headers of its own for one request with this body, e.g. a signature; none by default. */
    default Map<String, String> headers(byte[] body, Instant now) {
        return Map.of();
    }
}
