package org.onegrid.casework.notify;

import java.util.List;

/** A page of the caller's notifications, newest first, with how many are unread in all. */
public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread) {}
