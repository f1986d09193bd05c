package org.onegrid.incident.web;

import java.time.Clock;
import org.onegrid.incident.notification.NotificationPage;
import org.onegrid.incident.notification.Notifications;
import org.onegrid.staff.Role;
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

    NotificationsPage(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The bell's count, an htmx fragment: {@code <span class="count">3</span>}, or nothing when all are read. */
    @GetMapping("/notifications/badge")
    String badge(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("unread", notifications.mine(me, true, 0, 1).unread());
        return "incident/notifications :: badge";
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
        return "incident/notifications";
    }

    /** Marks one read; an htmx request gets the row back, a plain form the page. */
    @PostMapping("/notifications/{id}/read")
    String read(
            @PathVariable long id,
            @RequestParam(required = false, defaultValue = "false") boolean unread,
            @RequestParam(required = false) String open) {
        notifications.markRead(id, me(), clock.instant());
        if (open != null && open.matches("[0-9a-f-]{36}")) {
            return "redirect:" + incidentPage(me()) + open;
        }
        return "redirect:/notifications" + (unread ? "?unread=true" : "");
    }

    /**
     * Where a notice leads: the workbench's incident page for those who run the loop, else the page of the role's
     * own work — the department's inbox, the grid worker's phone.
     */
    private static String incidentPage(StaffPrincipal me) {
        if (me.hasRole(Role.CENTRE_DISPATCHER) || me.hasRole(Role.LEADER) || me.hasRole(Role.ADMIN)) {
            return "/incidents/";
        }
        if (me.hasRole(Role.DEPARTMENT_HANDLER)) {
            return "/inbox/";
        }
        return me.hasRole(Role.GRID_WORKER) ? "/m/i/" : "/incidents/";
    }

    private static StaffPrincipal me() {
        return org.onegrid.staff.Staff.current();
    }
}
