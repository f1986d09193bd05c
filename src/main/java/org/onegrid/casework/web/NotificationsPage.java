package org.onegrid.casework.web;

import java.time.Clock;
import java.util.UUID;
import org.onegrid.casework.CaseKinds;
import org.onegrid.casework.notify.NotificationPage;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 消息提醒 for staff: the bell's unread count in the top bar, and the page listing them. */
@Controller
class NotificationsPage {

    private static final int PAGE_SIZE = 30;

    private final Notifications notifications;
    private final Clock clock;
    private final CaseKinds kinds;

    NotificationsPage(Notifications notifications, Clock clock, CaseKinds kinds) {
        this.notifications = notifications;
        this.clock = clock;
        this.kinds = kinds;
    }

    /** The bell's count, an htmx fragment: {@code <span class="count">3</span>}, or nothing when all are read. */
    @GetMapping("/notifications/badge")
    String badge(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("unread", notifications.mine(me, true, 0, 1).unread());
        return "casework/notifications :: badge";
    }

    @GetMapping("/notifications")
    String list(
            @RequestParam(required = false, defaultValue = "false") boolean unread,
            @RequestParam(required = false, defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        NotificationPage mine = notifications.mine(me, unread, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("notifications", mine);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("pages", (mine.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "casework/notifications";
    }

    /** Marks one read and, when asked, opens the case it is about; a plain form gets the page back. */
    @PostMapping("/notifications/{id}/read")
    String read(
            @PathVariable long id,
            @RequestParam(required = false, defaultValue = "false") boolean unread,
            @RequestParam(required = false) String open,
            @RequestParam(required = false) String kind) {
        StaffPrincipal me = Staff.current();
        notifications.markRead(id, me, clock.instant());
        if (open != null && open.matches("[0-9a-f-]{36}")) {
            String page = kinds.pagePath(kind == null ? "incident" : kind, UUID.fromString(open), me);
            if (page != null) {
                return "redirect:" + page;
            }
        }
        return "redirect:/notifications" + (unread ? "?unread=true" : "");
    }
}
