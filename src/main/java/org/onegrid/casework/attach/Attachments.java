package org.onegrid.casework.attach;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of every kind of case (现场照片, 佐证材料), in the {@code case_attachment} table — kept in the database itself,
 * so a backup holds them too. A photo is uploaded first, checked by its content, and attached to one case by that
 * case's action: only by whoever uploaded it, and never to a second case. Serving one is the case's module's
 * business: it checks that the caller may see the case, then {@link #data} and {@link Attachment#belongsTo}.
 */
@Repository
public class Attachments {

    /** The largest photo accepted: 10 MB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The uploader of photos a resident without an account sends with a report. */
    public static final long ANONYMOUS = 0;

    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores an uploaded photo, not yet attached; answers its id. */
    @Transactional
    public UUID upload(byte[] data, StaffPrincipal me) {
        return store(data, me.userId()).id();
    }

    /**
     * Stores an uploaded photo of this uploader, not yet attached. Only JPEG, PNG and WebP are accepted, recognised by
     * their content, not their name; at most {@link #MAX_BYTES}.
     */
    @Transactional
    public Attachment store(byte[] data, long uploadedBy) {
        if (data == null || data.length == 0) {
            throw Problems.invalid("file", "the photo is empty");
        }
        if (data.length > MAX_BYTES) {
            throw Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "photo-too-large",
                    "A photo may have at most 10 MB, not " + data.length + " bytes",
                    Map.of("field", "file"));
        }
        String type = PhotoTypes.sniff(data)
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "not-an-image",
                        "Only JPEG, PNG and WebP photos are accepted; this file is none of them",
                        Map.of("field", "file")));
        UUID id = UUID.randomUUID();
        String sha256 = PhotoTypes.sha256(data);
        jdbc.sql("""
                        INSERT INTO case_attachment (id, uploaded_by, content_type, size, sha256, data, uploaded_at)
                        VALUES (:id, :by, :type, :size, :sha, :data, :at)
                        """)
                .param("id", id)
                .param("by", uploadedBy)
                .param("type", type)
                .param("size", data.length)
                .param("sha", sha256)
                .param("data", data)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return new Attachment(id, null, null, uploadedBy, type, data.length, sha256);
    }

    /**
     * Refuses (422, field {@code photoIds}) photos that cannot go with an action on this case: named twice, unknown,
     * uploaded by someone else, or attached to another case. A photo already attached to this very case may be named
     * again. Changes nothing.
     */
    public void check(List<UUID> ids, long uploadedBy, String caseKind, UUID caseId) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw unusable("A photo is named twice");
        }
        List<Attachment> found = find(ids);
        for (UUID id : ids) {
            boolean usable = found.stream()
                    .anyMatch(p -> p.id().equals(id)
                            && p.uploadedBy() == uploadedBy
                            && (p.caseId() == null || (caseId != null && p.belongsTo(caseKind, caseId))));
            if (!usable) {
                throw unusable("Photo " + id + " was not uploaded by you or belongs elsewhere");
            }
        }
    }

    /** Attaches photos to a case after {@link #check}ing them; in the action's transaction. */
    @Transactional
    public void attach(List<UUID> ids, String caseKind, UUID caseId, long uploadedBy) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        check(ids, uploadedBy, caseKind, caseId);
        jdbc.sql("""
                        UPDATE case_attachment SET case_kind = :kind, case_id = :case
                         WHERE id = ANY(:ids) AND (case_id IS NULL OR (case_kind = :kind AND case_id = :case))
                        """)
                .param("kind", caseKind)
                .param("case", caseId)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    public List<Attachment> find(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Attachment.class)
                .list();
    }

    /** The photos attached to a case, in upload order. */
    public List<Attachment> of(String caseKind, UUID caseId) {
        return jdbc.sql(SELECT + " WHERE case_kind = :kind AND case_id = :case ORDER BY uploaded_at, id")
                .param("kind", caseKind)
                .param("case", caseId)
                .query(Attachment.class)
                .list();
    }

    /** A photo with its bytes, whoever may see it: the caller checks the case first. */
    public Optional<Attachment.WithData> data(UUID id) {
        return jdbc.sql("""
                        SELECT id, case_kind, case_id, uploaded_by, content_type, size, sha256, data
                          FROM case_attachment WHERE id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Attachment.WithData(
                        new Attachment(
                                rs.getObject("id", UUID.class),
                                rs.getString("case_kind"),
                                rs.getObject("case_id", UUID.class),
                                rs.getLong("uploaded_by"),
                                rs.getString("content_type"),
                                rs.getInt("size"),
                                rs.getString("sha256")),
                        rs.getBytes("data")))
                .optional();
    }

    private static final String SELECT =
            "SELECT id, case_kind, case_id, uploaded_by, content_type, size, sha256 FROM case_attachment";

    private static org.springframework.web.ErrorResponseException unusable(String detail) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-action", detail, Map.of("field", "photoIds"));
    }
}
