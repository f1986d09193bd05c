package org.onegrid.casework.web;

import java.time.Clock;
import org.onegrid.casework.notify.NotificationPage;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's in-app notifications 消息提醒: newest first, with the number unread. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;
    private final Clock clock;

    NotificationController(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping
    NotificationPage mine(
            @RequestParam(required = false, defaultValue = "false") boolean unread,
            @RequestParam(required = false, defaultValue = "0") int page,
            @RequestParam(required = false, defaultValue = "20") int size,
            @AuthenticationPrincipal StaffPrincipal me) {
        return notifications.mine(me, unread, page, size);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        notifications.markRead(id, me, clock.instant());
        return ResponseEntity.noContent().build();
    }
}
