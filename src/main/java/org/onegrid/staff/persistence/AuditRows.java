package org.onegrid.staff.persistence;

import java.util.List;
import org.onegrid.staff.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only {@code audit_log} table. */
@Repository
public class AuditRows {

    private final JdbcClient jdbc;

    AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String username, Long userId, String event, String remoteAddr, String detail) {
        jdbc.sql("INSERT INTO audit_log (username, user_id, event, remote_addr, detail) VALUES (?, ?, ?, ?, ?)")
                .params(username, userId, event, remoteAddr, detail)
                .update();
    }

    public List<AuditEntry> latest(String username, int limit) {
        return jdbc.sql("SELECT id, at, username, user_id, event, remote_addr, detail FROM audit_log"
                        + " WHERE username = ? ORDER BY id DESC LIMIT ?")
                .params(username, limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("username"),
                        rs.getObject("user_id", Long.class),
                        rs.getString("event"),
                        rs.getString("remote_addr"),
                        rs.getString("detail")))
                .list();
    }
}
