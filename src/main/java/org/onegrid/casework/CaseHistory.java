package org.onegrid.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained histories of the cases other than incidents (disputes, hazards, tasks), in one table
 * {@code case_history} that refuses every update and delete. A module appends the steps its aggregate produced, in the
 * transaction that stores the aggregate; the entry is numbered and sealed here, chained to the case's last entry.
 *
 * <p>The caller holds its case's row lock (it stores the case in the same transaction), so two steps of one case are
 * never appended side by side; the primary key {@code (kind, case_id, sequence)} refuses the second if they were.
 */
@Repository
public class CaseHistory {

    private final JdbcClient jdbc;

    CaseHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one step to the case's history and returns the sealed entry. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseEntry append(String kind, UUID caseId, CaseStep step) {
        CaseEntry previous = jdbc.sql(SELECT + " WHERE kind = :kind AND case_id = :id ORDER BY sequence DESC LIMIT 1")
                .param("kind", kind)
                .param("id", caseId)
                .query(CaseHistory::entry)
                .optional()
                .orElse(null);
        CaseEntry entry = CaseEntry.next(kind, caseId, previous, step);
        jdbc.sql("""
                        INSERT INTO case_history (kind, case_id, sequence, at, actor_id, actor_name, role, org_id,
                            from_status, to_status, action, comment, detail, attachment_ids, previous_hash, hash)
                        VALUES (:kind, :id, :sequence, :at, :actorId, :actorName, :role, :orgId, :from, :to, :action,
                            :comment, :detail, :attachments, :previousHash, :hash)
                        """)
                .param("kind", kind)
                .param("id", caseId)
                .param("sequence", entry.sequence())
                .param("at", entry.at().atOffset(ZoneOffset.UTC))
                .param("actorId", entry.actorId())
                .param("actorName", entry.actorName())
                .param("role", entry.role())
                .param("orgId", entry.orgId())
                .param("from", entry.fromStatus())
                .param("to", entry.toStatus())
                .param("action", entry.action())
                .param("comment", entry.comment())
                .param("detail", entry.detail())
                .param("attachments", entry.attachmentIds().toArray(String[]::new))
                .param("previousHash", entry.previousHash())
                .param("hash", entry.hash())
                .update();
        return entry;
    }

    /** Appends several steps in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<CaseEntry> appendAll(String kind, UUID caseId, List<CaseStep> steps) {
        return steps.stream().map(step -> append(kind, caseId, step)).toList();
    }

    /** The case's whole history, oldest first; empty for a case without one. */
    public List<CaseEntry> of(String kind, UUID caseId) {
        return jdbc.sql(SELECT + " WHERE kind = :kind AND case_id = :id ORDER BY sequence")
                .param("kind", kind)
                .param("id", caseId)
                .query(CaseHistory::entry)
                .list();
    }

    /** Whether the case's stored history is intact: every entry as sealed and chained to the one before. */
    public HistoryChain.Verification verify(String kind, UUID caseId) {
        return HistoryChain.verify(of(kind, caseId));
    }

    private static final String SELECT = """
            SELECT kind, case_id, sequence, at, actor_id, actor_name, role, org_id, from_status, to_status, action,
                   comment, detail, attachment_ids, previous_hash, hash
              FROM case_history""";

    private static CaseEntry entry(ResultSet rs, int row) throws SQLException {
        Array attachments = rs.getArray("attachment_ids");
        return new CaseEntry(
                rs.getString("kind"),
                rs.getObject("case_id", UUID.class),
                rs.getLong("sequence"),
                rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                rs.getLong("actor_id"),
                rs.getString("actor_name"),
                rs.getString("role"),
                rs.getLong("org_id"),
                rs.getString("from_status"),
                rs.getString("to_status"),
                rs.getString("action"),
                rs.getString("comment"),
                rs.getString("detail"),
                attachments == null ? List.of() : Arrays.asList((String[]) attachments.getArray()),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
