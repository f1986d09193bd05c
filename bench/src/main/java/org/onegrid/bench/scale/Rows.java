package org.onegrid.bench.scale;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.onegrid.incident.domain.CatalogTerms;
import org.onegrid.incident.domain.ExtensionRequest;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.HistoryEntry;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.onegrid.incident.domain.StageWindow;
import org.onegrid.incident.domain.Tally;

/**
 * The rows the application's {@code IncidentRows} and {@code Attachments} write for an incident, its history and its
 * photos, in PostgreSQL's COPY text format. The JSON columns are written by the application's own serialiser
 * ({@code StoredJson}, package-private, so reached by reflection), so that they read back exactly as stored ones.
 */
final class Rows {

    static final String INCIDENT_COLUMNS = "id, version, status, channel, text, longitude, latitude, address,"
            + " grid_code, village_code, town_code, county_code, region_path, reporter_user_id, reporter_name,"
            + " reporter_phone, item_code, item_name, category_code, normal_level, terms, reported_at, owner_org_id,"
            + " owner_level, owner_region_path, handling, handling_mode, lead_org_id, department_ids, stage,"
            + " stage_started_at, stage_deadline, stage_yellow_at, stage_overdue_marked, stage_yellow_warned,"
            + " pending_extension, supporters, returns, reworks, reopens, escalations, urges, overdues, extensions,"
            + " merged_into, result, satisfaction, resolution_level, closed_at, accept_seconds, handle_seconds,"
            + " verify_seconds, supervisions, updated_at";

    static final String HISTORY_COLUMNS = "incident_id, sequence, at, actor_id, actor_name, role, org_id,"
            + " from_status, to_status, action, comment, detail, attachment_ids, previous_hash, hash";

    static final String PHOTO_COLUMNS =
            "id, case_kind, case_id, uploaded_by, content_type, size, sha256, data, uploaded_at";

    /** A 4×3 PNG, the evidence photo of every generated action that needs one (as the demo history uses). */
    static final byte[] PHOTO = png();

    static final String PHOTO_SHA256 = sha256(PHOTO);
    private static final String PHOTO_BYTEA = "\\\\x" + HexFormat.of().formatHex(PHOTO);

    private static final Method TERMS = method("terms", CatalogTerms.class);
    private static final Method HANDLING = method("handling", Handling.class);
    private static final Method EXTENSION = method("extension", ExtensionRequest.class);
    private static final Method SUPERVISIONS = method("supervisions", List.class);

    private Rows() {}

    static void incident(StringBuilder out, Loop.Driven d, boolean yellowWarned, Instant updatedAt) {
        IncidentSnapshot s = d.incident().snapshot();
        var intake = s.intake();
        var grid = d.grid();
        Handling h = s.handling();
        StageWindow stage = s.stage();
        Tally t = s.tally();
        field(out, s.id().value().toString(), true);
        field(out, Long.toString(s.version()), false);
        field(out, s.status().name(), false);
        field(out, intake.channel().name(), false);
        field(out, intake.text(), false);
        field(
                out,
                intake.place().longitude() == null
                        ? null
                        : intake.place().longitude().toString(),
                false);
        field(
                out,
                intake.place().latitude() == null
                        ? null
                        : intake.place().latitude().toString(),
                false);
        field(out, intake.place().address(), false);
        field(out, intake.gridCode(), false);
        field(out, grid.location().village().code(), false);
        field(
                out,
                grid.location().town() == null ? null : grid.location().town().code(),
                false);
        field(
                out,
                grid.location().county() == null
                        ? null
                        : grid.location().county().code(),
                false);
        field(out, intake.regionPath(), false);
        field(
                out,
                intake.reporter().userId() == null
                        ? null
                        : intake.reporter().userId().toString(),
                false);
        field(out, intake.reporter().name(), false);
        field(out, null, false); // reporter_phone: generated reports leave no phone
        field(out, s.terms().itemCode(), false);
        field(out, s.terms().itemName(), false);
        field(out, d.item().item().categoryCode(), false);
        field(out, s.terms().normalLevel().name(), false);
        field(out, json(TERMS, s.terms()), false);
        field(out, time(s.reportedAt()), false);
        field(out, Long.toString(s.owner().orgId()), false);
        field(out, s.owner().level().name(), false);
        field(out, s.owner().regionPath(), false);
        field(out, json(HANDLING, h), false);
        field(out, h == null ? null : h.mode().name(), false);
        field(out, h == null ? null : Long.toString(h.lead().orgId()), false);
        StringBuilder ids = new StringBuilder("{");
        if (h != null) {
            for (Long id : h.departmentIds()) {
                ids.append(ids.length() > 1 ? "," : "").append(id);
            }
        }
        field(out, ids.append('}').toString(), false);
        field(out, stage == null ? null : stage.stage().name(), false);
        field(out, stage == null ? null : time(stage.startedAt()), false);
        field(out, stage == null ? null : time(stage.deadline()), false);
        field(out, stage == null ? null : time(stage.yellowAt()), false);
        field(out, Boolean.toString(stage != null && stage.overdueMarked()), false);
        field(out, Boolean.toString(yellowWarned), false);
        field(out, json(EXTENSION, s.pendingExtension()), false);
        for (int n : new int[] {
            t.supporters(),
            t.returns(),
            t.reworks(),
            t.reopens(),
            t.escalations(),
            t.urges(),
            t.overdues(),
            t.extensions()
        }) {
            field(out, Integer.toString(n), false);
        }
        field(out, s.mergedInto() == null ? null : s.mergedInto().value().toString(), false);
        field(out, s.result(), false);
        field(out, s.satisfaction() == null ? null : s.satisfaction().name(), false);
        field(out, s.resolutionLevel() == null ? null : s.resolutionLevel().name(), false);
        field(out, s.closedAt() == null ? null : time(s.closedAt()), false);
        field(out, Long.toString(s.stageTimes().accept().toSeconds()), false);
        field(out, Long.toString(s.stageTimes().handle().toSeconds()), false);
        field(out, Long.toString(s.stageTimes().verify().toSeconds()), false);
        field(out, json(SUPERVISIONS, s.supervisions()), false);
        field(out, time(updatedAt), false);
        out.append('\n');
    }

    static void history(StringBuilder out, HistoryEntry e) {
        field(out, e.incidentId().value().toString(), true);
        field(out, Long.toString(e.sequence()), false);
        field(out, time(e.at()), false);
        field(out, Long.toString(e.actorId()), false);
        field(out, e.actorName(), false);
        field(out, e.role().name(), false);
        field(out, Long.toString(e.orgId()), false);
        field(out, e.fromStatus() == null ? null : e.fromStatus().name(), false);
        field(out, e.toStatus().name(), false);
        field(out, e.action().name(), false);
        field(out, e.comment(), false);
        field(out, e.detail(), false);
        field(out, "{" + String.join(",", e.attachmentIds()) + "}", false);
        field(out, e.previousHash(), false);
        field(out, e.hash(), false);
        out.append('\n');
    }

    static void photo(StringBuilder out, Loop.Photo p, String incidentId) {
        field(out, p.id().toString(), true);
        field(out, "incident", false);
        field(out, incidentId, false);
        field(out, Long.toString(p.uploadedBy()), false);
        field(out, "image/png", false);
        field(out, Integer.toString(PHOTO.length), false);
        field(out, PHOTO_SHA256, false);
        out.append('\t').append(PHOTO_BYTEA);
        field(out, time(p.at()), false);
        out.append('\n');
    }

    static String time(Instant instant) {
        return instant.toString();
    }

    private static void field(StringBuilder out, String value, boolean first) {
        if (!first) {
            out.append('\t');
        }
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String json(Method method, Object value) {
        try {
            return (String) method.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StoredJson." + method.getName() + " failed", e);
        }
    }

    private static Method method(String name, Class<?> parameter) {
        try {
            Method m =
                    Class.forName("org.onegrid.incident.persistence.StoredJson").getDeclaredMethod(name, parameter);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The application's StoredJson." + name + " is not where it was", e);
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2f7d5b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
