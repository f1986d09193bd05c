package org.onegrid.incident.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Hands every new notification to the configured {@link NotificationSender}, from the outbox. */
@Component
class NotificationDelivery {

    private final NotificationSender sender;

    NotificationDelivery(NotificationSender sender) {
        this.sender = sender;
    }

    @ApplicationModuleListener
    void on(NotificationCreated notification) {
        sender.send(notification);
    }
}
