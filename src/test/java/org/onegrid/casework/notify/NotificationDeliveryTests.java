package org.onegrid.casework.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.staff.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notices leave the platform from the notification table, its outbox: each one soon after it was written. */
@IntegrationTest
class NotificationDeliveryTests {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyNewNoticeIsHandedToTheSenderWithinSecondsOfItsCommit() {
        UUID incident = UUID.randomUUID();
        notifications.notify(
                List.of(Notifications.user(1), Notifications.org(1, Role.CENTRE_DISPATCHER)),
                "incident",
                incident,
                "NEW_INCIDENT",
                "新事件待受理：「测试」",
                Instant.now());
        assertThat(undelivered(incident)).isBetween(0L, 2L);

        await().atMost(Duration.ofSeconds(15)).until(() -> undelivered(incident) == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE case_id = :id AND delivered_at IS NOT NULL")
                        .param("id", incident)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private long undelivered(UUID incident) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE case_id = :id AND delivered_at IS NULL")
                .param("id", incident)
                .query(Long.class)
                .single();
    }
}
