package org.onegrid.casework.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The demo's sender writes notices to the log, below the level an operator reads: the first start alone makes some
 * 18,000 of them.
 */
class DemoNotificationLogTests {

    @Test
    void aDemoNotificationIsLoggedAtDebugNotInfo() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingNotificationSender.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            new LoggingNotificationSender()
                    .loggingSender()
                    .send(new NotificationCreated(
                            1L, 42L, null, null, "incident", UUID.randomUUID(), "NEW_INCIDENT", "新事件：噪音扰民"));
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).contains("新事件：噪音扰民");
        });
    }
}
