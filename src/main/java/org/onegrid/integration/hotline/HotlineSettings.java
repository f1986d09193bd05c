package org.onegrid.integration.hotline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 12345 hotline bridge ({@code onegrid.hotline.*}).
 *
 * @param secret the secret shared with the hotline platform, for the signatures of its pushes and of our callbacks;
 *     without it the webhook refuses every push
 * @param callbackUrl where status changes of the hotline's orders are posted; without it they wait in the outbox
 * @param window how far a push's timestamp may lie from our clock, either way
 */
@ConfigurationProperties("onegrid.hotline")
record HotlineSettings(String secret, String callbackUrl, Duration window) {

    HotlineSettings {
        secret = secret == null || secret.isBlank() ? null : secret;
        callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
        window = window == null ? Duration.ofMinutes(5) : window;
    }
}
