package org.onegrid.casework.notify;

import java.util.UUID;

/**
 * An in-app notification, as it is handed to the {@link NotificationSender} for delivery beyond the app (SMS,
 * WeChat): after its transaction committed, from the {@code notification} table, which is the outbox.
 *
 * @param recipientUserId the user, or null when addressed to an organisation
 * @param recipientOrgId the organisation, or null when addressed to a user
 * @param recipientRole the role within the organisation it is for, e.g. {@code DEPARTMENT_HANDLER}
 * @param caseKind the kind of case it is about ({@code incident}, {@code dispute}, …)
 * @param caseId the case it is about, or null
 */
public record NotificationCreated(
        long id,
        Long recipientUserId,
        Long recipientOrgId,
        String recipientRole,
        String caseKind,
        UUID caseId,
        String kind,
        String text) {}
