package org.onegrid.incident.notification;

/**
 * Delivers a notification beyond the app (短信, 微信, 政务钉钉 …). Called after commit, once per notification, from the
 * outbox; a sender that throws is retried with the outstanding publications.
 */
public interface NotificationSender {

    void send(NotificationCreated notification);
}
