package org.onegrid.incident.notification;

import java.util.UUID;

/**
 * An in-app notification was created; published inside the creating transaction, so that delivery beyond the app
 * (SMS, WeChat) runs after commit from Spring Modulith's event publication registry (the outbox) and is retried if
 * it fails.
 *
 * @param recipientUserId the user, or null when addressed to an organisation
 * @param recipientOrgId the organisation, or null when addressed to a user
 * @param recipientRole the role within the organisation it is for, e.g. {@code DEPARTMENT_HANDLER}
 */
public record NotificationCreated(
        long id,
        Long recipientUserId,
        Long recipientOrgId,
        String recipientRole,
        UUID incidentId,
        String kind,
        String text) {}
