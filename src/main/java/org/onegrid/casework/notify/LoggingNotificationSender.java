package org.onegrid.casework.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo city's sender: it writes each notification to the log instead of sending it, at DEBUG (logger {@code
 * org.onegrid.casework.notify}), since the demo's past year alone makes some 18,000 at the first start. Seeing
 * them: {@code logging.level.org.onegrid.casework.notify.LoggingNotificationSender=debug}.
 */
@Configuration(proxyBeanMethods = false)
class LoggingNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    NotificationSender loggingSender() {
        return n -> log.debug(
                "Notification {} to {} {}: [{}] {}",
                n.id(),
                n.recipientUserId() != null ? "user" : "org",
                n.recipientUserId() != null ? n.recipientUserId() : n.recipientOrgId() + "/" + n.recipientRole(),
                n.kind(),
                n.text());
    }
}
