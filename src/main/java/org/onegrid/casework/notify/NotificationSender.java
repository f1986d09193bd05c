package org.onegrid.casework.notify;

/**
 * Delivers a notification beyond the app (短信, 微信, 政务钉钉 …). Called after commit, once per notification, from the
 * {@code notification} table as the outbox (within a second, by default); a notification the sender throws for is
 * offered again on the next round.
 */
public interface NotificationSender {

    void send(NotificationCreated notification);
}
