package org.onegrid.suggest.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.suggest.model.Evaluation;
import org.onegrid.suggest.model.Example;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The city's labelled examples and the trained models, as plain SQL. */
@Repository
public class SuggestRows {

    /** A labelled example as kept, its text already without personal data. */
    public record ExampleRow(
            long id,
            String text,
            String itemCode,
            String previousCode,
            boolean corrected,
            UUID incidentId,
            Instant labelledAt,
            long labelledBy,
            String reason) {}

    /** A trained model's record, without its weights. */
    public record ModelRow(
            int version,
            Instant trainedAt,
            String trainedBy,
            int trainingExamples,
            int cityExamples,
            long lastExampleId,
            int heldOut,
            Double top1,
            Double top3,
            Double macroF1,
            Double previousTop1,
            long trainMillis,
            boolean promoted,
            boolean current) {}

    private final JdbcClient jdbc;

    SuggestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long addExample(
            String text, String itemCode, String previousCode, UUID incidentId, Instant at, long by, String reason) {
        return jdbc.sql("""
                        INSERT INTO suggest_example (text, item_code, previous_code, corrected, incident_id,
                            labelled_at, labelled_by, reason)
                        VALUES (:text, :item, :previous, :corrected, :incident, :at, :by, :reason)
                        RETURNING id
                        """)
                .param("text", text)
                .param("item", itemCode)
                .param("previous", previousCode)
                .param("corrected", !itemCode.equals(previousCode))
                .param("incident", incidentId)
                .param("at", time(at))
                .param("by", by)
                .param("reason", reason == null ? "" : reason)
                .query(Long.class)
                .single();
    }

    /** The city's examples up to {@code lastId}, oldest first. */
    public List<ExampleRow> examples(long lastId) {
        return jdbc.sql("SELECT * FROM suggest_example WHERE id <= :last ORDER BY id")
                .param("last", lastId)
                .query(SuggestRows::exampleRow)
                .list();
    }

    public long lastExampleId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM suggest_example")
                .query(Long.class)
                .single();
    }

    /** Corrections up to {@code lastId}, newest first. */
    public List<ExampleRow> corrections(long lastId, int limit) {
        return jdbc.sql("SELECT * FROM suggest_example WHERE corrected AND id <= :last ORDER BY id DESC LIMIT :limit")
                .param("last", lastId)
                .param("limit", limit)
                .query(SuggestRows::exampleRow)
                .list();
    }

    /** Stores a trained model as the next version; its weights only if promoted, which makes it the current one. */
    public int addModel(ModelRow row, Evaluation evaluation, byte[] weights) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM suggest_model")
                .query(Integer.class)
                .single();
        if (row.promoted()) {
            jdbc.sql("UPDATE suggest_model SET current = FALSE WHERE current").update();
        }
        jdbc.sql("""
                        INSERT INTO suggest_model (version, trained_at, trained_by, training_examples, city_examples,
                            last_example_id, held_out, top1, top3, macro_f1, previous_top1, train_millis, promoted,
                            current, weights)
                        VALUES (:version, :at, :by, :training, :city, :last, :heldOut, :top1, :top3, :f1, :previous,
                            :millis, :promoted, :promoted, :weights)
                        """)
                .param("version", version)
                .param("at", time(row.trainedAt()))
                .param("by", row.trainedBy())
                .param("training", row.trainingExamples())
                .param("city", row.cityExamples())
                .param("last", row.lastExampleId())
                .param("heldOut", row.heldOut())
                .param("top1", row.top1())
                .param("top3", row.top3())
                .param("f1", row.macroF1())
                .param("previous", row.previousTop1())
                .param("millis", row.trainMillis())
                .param("promoted", row.promoted())
                .param("weights", row.promoted() ? weights : null)
                .update();
        if (evaluation != null) {
            int rank = 1;
            for (Evaluation.Confusion c : evaluation.confusions()) {
                jdbc.sql("""
                                INSERT INTO suggest_model_confusion (model_version, rank, item_code, suggested_code, count)
                                VALUES (:version, :rank, :item, :suggested, :count)
                                """)
                        .param("version", version)
                        .param("rank", rank++)
                        .param("item", c.itemCode())
                        .param("suggested", c.suggested())
                        .param("count", c.count())
                        .update();
            }
        }
        return version;
    }

    public Optional<Integer> currentVersion() {
        return jdbc.sql("SELECT version FROM suggest_model WHERE current")
                .query(Integer.class)
                .optional();
    }

    /** The current model's weights, with its version. */
    public Optional<Stored> current() {
        return jdbc.sql("SELECT version, weights FROM suggest_model WHERE current")
                .query((rs, n) -> new Stored(rs.getInt("version"), rs.getBytes("weights")))
                .optional();
    }

    public record Stored(int version, byte[] weights) {}

    /** The latest models, newest first. */
    public List<ModelRow> models(int limit) {
        return jdbc.sql("SELECT * FROM suggest_model ORDER BY version DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new ModelRow(
                        rs.getInt("version"),
                        rs.getObject("trained_at", OffsetDateTime.class).toInstant(),
                        rs.getString("trained_by"),
                        rs.getInt("training_examples"),
                        rs.getInt("city_examples"),
                        rs.getLong("last_example_id"),
                        rs.getInt("held_out"),
                        (Double) rs.getObject("top1"),
                        (Double) rs.getObject("top3"),
                        (Double) rs.getObject("macro_f1"),
                        (Double) rs.getObject("previous_top1"),
                        rs.getLong("train_millis"),
                        rs.getBoolean("promoted"),
                        rs.getBoolean("current")))
                .list();
    }

    public List<Evaluation.Confusion> confusions(int version) {
        return jdbc.sql("""
                        SELECT item_code, suggested_code, count FROM suggest_model_confusion
                         WHERE model_version = :version ORDER BY rank
                        """)
                .param("version", version)
                .query((rs, n) -> new Evaluation.Confusion(
                        rs.getString("item_code"), rs.getString("suggested_code"), rs.getInt("count")))
                .list();
    }

    /** As training reads them. */
    public static Example example(ExampleRow row) {
        return new Example(row.itemCode(), row.text());
    }

    private static ExampleRow exampleRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ExampleRow(
                rs.getLong("id"),
                rs.getString("text"),
                rs.getString("item_code"),
                rs.getString("previous_code"),
                rs.getBoolean("corrected"),
                rs.getObject("incident_id", UUID.class),
                rs.getObject("labelled_at", OffsetDateTime.class).toInstant(),
                rs.getLong("labelled_by"),
                rs.getString("reason"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
