package org.onegrid.incident.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo city's sender: it writes each notification to the log instead of sending it. */
@Configuration(proxyBeanMethods = false)
class LoggingNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    NotificationSender loggingSender() {
        return n -> log.info(
                "Notification {} to {} {}: [{}] {}",
                n.id(),
                n.recipientUserId() != null ? "user" : "org",
                n.recipientUserId() != null ? n.recipientUserId() : n.recipientOrgId() + "/" + n.recipientRole(),
                n.kind(),
                n.text());
    }
}
