package org.onegrid.integration.hotline;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.onegrid.integration.delivery.Receiver;
import org.springframework.stereotype.Component;

/** The hotline platform's callback URL, and our signature on each callback (the same scheme as its pushes). */
@Component
class HotlineReceiver implements Receiver {

    private final HotlineSettings settings;

    HotlineReceiver(HotlineSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return HotlineCallbacks.RECEIVER;
    }

    @Override
    public Optional<URI> url() {
        return Optional.ofNullable(settings.callbackUrl()).map(URI::create);
    }

    @Override
    public Map<String, String> headers(byte[] body, Instant now) {
        if (settings.secret() == null) {
            return Map.of();
        }
        long timestamp = now.getEpochSecond();
        return Map.of(
                HotlineSignature.TIMESTAMP,
                Long.toString(timestamp),
                HotlineSignature.SIGNATURE,
                HotlineSignature.sign(settings.secret(), timestamp, body));
    }
}
