package org.onegrid.casework.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands new notifications to the configured {@link NotificationSender}, with the {@code notification} table as the
 * outbox: every second (by default), the notices not yet delivered, oldest first, in batches. A batch is taken with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes deliver side by side and never the same notice twice at once; a notice is
 * stamped delivered only once the sender took it, so one the sender refused is offered again on the next round.
 *
 * <p>This replaced one event publication per notice, whose insert, two updates, transaction and thread were a
 * sixth of an intake's cost (see docs/PERFORMANCE.md); a batch costs two statements for up to {@value #BATCH}
 * notices.
 */
@Component
class NotificationDelivery {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationSender sender;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    NotificationDelivery(NotificationSender sender, JdbcClient jdbc, TransactionTemplate tx) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Scheduled(
            fixedDelayString = "${onegrid.notification.delivery-delay:1s}",
            initialDelayString = "${onegrid.notification.delivery-delay:1s}")
    void deliverPending() {
        int taken;
        int total = 0;
        do {
            taken = deliverBatch();
            total += taken;
        } while (taken == BATCH);
        if (total >= BATCH) {
            // one line for a backlog (the demo's past year, the end of an outage), none for an ordinary second
            log.info("Delivered a backlog of {} notifications", total);
        }
    }

    /** Delivers one batch of undelivered notices; returns how many were taken. */
    int deliverBatch() {
        Integer taken = tx.execute(status -> {
            List<NotificationCreated> due = jdbc.sql("""
                            SELECT id, recipient_user_id, recipient_org_id, recipient_role, case_kind, case_id, kind, text
                              FROM notification WHERE delivered_at IS NULL
                             ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
                            """)
                    .param("batch", BATCH)
                    .query((rs, n) -> new NotificationCreated(
                            rs.getLong("id"),
                            rs.getObject("recipient_user_id", Long.class),
                            rs.getObject("recipient_org_id", Long.class),
                            rs.getString("recipient_role"),
                            rs.getString("case_kind"),
                            rs.getObject("case_id", UUID.class),
                            rs.getString("kind"),
                            rs.getString("text")))
                    .list();
            List<Long> delivered = new ArrayList<>(due.size());
            for (NotificationCreated notice : due) {
                try {
                    sender.send(notice);
                    delivered.add(notice.id());
                } catch (RuntimeException e) {
                    log.warn("Notification {} not delivered, offered again next round: {}", notice.id(), e.toString());
                }
            }
            if (!delivered.isEmpty()) {
                jdbc.sql("UPDATE notification SET delivered_at = now() WHERE id = ANY(:ids)")
                        .param("ids", delivered.toArray(Long[]::new))
                        .update();
            }
            return due.size();
        });
        return taken == null ? 0 : taken;
    }
}
