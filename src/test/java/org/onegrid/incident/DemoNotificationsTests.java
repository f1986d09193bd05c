package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.casework.notify.NotificationPage;
import org.onegrid.casework.notify.NotificationView;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo accounts' notifications: the replayed past read, today's and new ones unread, newest first. */
@IntegrationTest
class DemoNotificationsTests {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    @Autowired
    Notifications notifications;

    @Autowired
    Staff staff;

    static final List<String> ACCOUNTS =
            List.of("gridworker", "chengguan.370523", "village.dispatcher", "dawang.dispatcher");

    @Test
    void theDemoHistoryBeforeTodayIsReadAndOnlyTodaysNoticesWaitUnread() {
        Instant today = LocalDate.now(LOCAL).atStartOfDay(LOCAL).toInstant();
        long pastInAll = 0;
        for (String username : ACCOUNTS) {
            StaffPrincipal me = Dongying.principal(staff, username);
            NotificationPage unread = notifications.mine(me, true, 0, 200);
            assertThat(unread.items())
                    .as(username + "'s unread notices")
                    .allSatisfy(n -> assertThat(n.createdAt()).isAfterOrEqualTo(today));
            NotificationPage all = notifications.mine(me, false, 0, 200);
            pastInAll += all.items().stream()
                    .filter(n -> n.createdAt().isBefore(today))
                    .peek(n -> assertThat(n.readAt()).as(n.text()).isNotNull())
                    .count();
        }
        assertThat(pastInAll).as("the demo year left notices before today").isPositive();
    }

    @Test
    void aNewNoticeIsUnreadUntilReadAndListsComeNewestFirst() {
        StaffPrincipal dispatcher = Dongying.principal(staff, "village.dispatcher");
        long before = notifications.mine(dispatcher, true, 0, 1).unread();
        notifications.notify(
                List.of(Notifications.org(dispatcher.orgId(), Role.CENTRE_DISPATCHER)),
                "incident",
                null,
                "STATUS",
                "新消息：测试未读",
                Instant.now());
        NotificationPage after = notifications.mine(dispatcher, true, 0, 200);
        assertThat(after.unread()).isEqualTo(before + 1);
        NotificationView fresh = after.items().get(0);
        assertThat(fresh.text()).isEqualTo("新消息：测试未读");

        notifications.markRead(fresh.id(), dispatcher, Instant.now());
        assertThat(notifications.mine(dispatcher, true, 0, 1).unread()).isEqualTo(before);

        for (String username : ACCOUNTS) {
            assertThat(notifications
                            .mine(Dongying.principal(staff, username), false, 0, 200)
                            .items())
                    .as(username)
                    .isSortedAccordingTo(
                            Comparator.comparing(NotificationView::createdAt).reversed());
        }
    }
}
