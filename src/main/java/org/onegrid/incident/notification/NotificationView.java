package org.onegrid.incident.notification;

import java.time.Instant;
import java.util.UUID;

/** One in-app notification as its recipient sees it; {@code readAt} is null while unread. */
public record NotificationView(long id, String kind, String text, UUID incidentId, Instant createdAt, Instant readAt) {}
