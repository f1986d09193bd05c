package org.onegrid.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTests {

    final DeliverySettings defaults = new DeliverySettings(null, null, null, null, null);

    @Test
    void aFailedDeliveryWaitsAMinuteThenDoublingUpToAnHour() {
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(defaults.backoff(7)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aReceiverDownForDaysStillGetsAnAttemptEveryHour() {
        // after three days of hourly attempts the wait is still an hour: nothing gives up, nothing overflows
        assertThat(defaults.backoff(80)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLeaseShorterThanTheTimeoutIsRefusedAtStart() {
        assertThatThrownBy(() -> new DeliverySettings(null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease");
    }
}
