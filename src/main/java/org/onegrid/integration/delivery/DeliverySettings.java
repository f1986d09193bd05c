package org.onegrid.integration.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox sender works ({@code onegrid.delivery.*}).
 *
 * @param poll how often the sender looks for due deliveries
 * @param firstRetry the wait after the first failed attempt; each further failure doubles it
 * @param maxRetry the longest wait between two attempts; a receiver that is down for days gets one attempt per
 *     this interval, for as long as it takes
 * @param lease how long a sender holds a delivery it is sending; a sender that died mid-way leaves the delivery to
 *     be sent again once the lease ran out (the receiver recognises it by its event id)
 * @param timeout the longest a receiver may take to answer one attempt
 */
@ConfigurationProperties("onegrid.delivery")
public record DeliverySettings(
        Duration poll, Duration firstRetry, Duration maxRetry, Duration lease, Duration timeout) {

    public DeliverySettings {
        poll = poll == null ? Duration.ofSeconds(5) : poll;
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("onegrid.delivery.lease must be longer than onegrid.delivery.timeout");
        }
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones: {@code firstRetry}, doubled per further
     * failure, at most {@code maxRetry}.
     */
    public Duration backoff(int attempts) {
        if (attempts <= 1) {
            return firstRetry.compareTo(maxRetry) < 0 ? firstRetry : maxRetry;
        }
        int doublings = Math.min(attempts - 1, 40);
        Duration wait = firstRetry;
        for (int i = 0; i < doublings && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
    }
}
