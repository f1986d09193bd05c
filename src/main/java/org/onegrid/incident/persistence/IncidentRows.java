package org.onegrid.incident.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onegrid.casework.Satisfaction;
import org.onegrid.incident.domain.Action;
import org.onegrid.incident.domain.Centre;
import org.onegrid.incident.domain.Channel;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.HistoryEntry;
import org.onegrid.incident.domain.Incident;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.onegrid.incident.domain.Intake;
import org.onegrid.incident.domain.Level;
import org.onegrid.incident.domain.Place;
import org.onegrid.incident.domain.Reporter;
import org.onegrid.incident.domain.Role;
import org.onegrid.incident.domain.Stage;
import org.onegrid.incident.domain.StageTimes;
import org.onegrid.incident.domain.StageWindow;
import org.onegrid.incident.domain.Status;
import org.onegrid.incident.domain.Tally;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.config.DemoCityDefaults;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code incident} and {@code incident_history} tables: an incident's state as one row of plain columns (JSON for
 * the few nested parts), its history as append-only rows. Saving is optimistic: {@code UPDATE ... WHERE id = ? AND
 * version = ?}; no row updated means someone else saved first.
 */
@Repository
public class IncidentRows {

    private static final ZoneId LOCAL = CityTime.ZONE;
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String numberPrefix;

    IncidentRows(
            JdbcClient jdbc,
            JdbcTemplate template,
            @Value("${" + DemoCityDefaults.NUMBER_PREFIX + "}") String numberPrefix) {
        this.jdbc = jdbc;
        this.template = template;
        this.numberPrefix = numberPrefix.strip();
        if (!this.numberPrefix.matches("[A-Z0-9]{1,16}")) {
            // numbers are read out on the phone and searched for upper-cased: letters and digits only
            throw new IllegalStateException(DemoCityDefaults.NUMBER_PREFIX
                    + " must be 1 to 16 capital letters or digits, e.g. DY, not '" + numberPrefix + "'");
        }
    }

    /**
     * What the incident row keeps besides the aggregate's state: where in the region tree, the catalog category, the
     * reporter's encrypted phone, and its number (事件编号), null until the row is inserted.
     */
    public record Placement(
            String villageCode,
            String townCode,
            String countyCode,
            String categoryCode,
            byte[] reporterPhone,
            String number) {

        public Placement withNumber(String number) {
            return new Placement(villageCode, townCode, countyCode, categoryCode, reporterPhone, number);
        }
    }

    /** An incident as stored: the aggregate's state, its placement, and whether the yellow warning went out. */
    public record Stored(IncidentSnapshot snapshot, Placement placement, boolean yellowWarned) {}

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    /**
     * Inserts a new incident and its first history entries, giving it the next number of its report's day.
     *
     * @return the number given
     */
    public String insert(Incident incident, Placement placement, Instant now) {
        Map<String, Object> p = state(incident.snapshot(), now);
        IncidentSnapshot s = incident.snapshot();
        Intake intake = s.intake();
        String number = nextNumber(s.reportedAt());
        p.put("id", s.id().value());
        p.put("number", number);
        p.put("channel", intake.channel().name());
        p.put("text", intake.text());
        p.put("longitude", intake.place().longitude());
        p.put("latitude", intake.place().latitude());
        p.put("address", intake.place().address());
        p.put("gridCode", intake.gridCode());
        p.put("villageCode", placement.villageCode());
        p.put("townCode", placement.townCode());
        p.put("countyCode", placement.countyCode());
        p.put("regionPath", intake.regionPath());
        p.put("reporterUserId", intake.reporter().userId());
        p.put("reporterName", intake.reporter().name());
        p.put("reporterPhone", placement.reporterPhone());
        p.put("itemCode", s.terms().itemCode());
        p.put("itemName", s.terms().itemName());
        p.put("categoryCode", placement.categoryCode());
        p.put("normalLevel", s.terms().normalLevel().name());
        p.put("terms", StoredJson.terms(s.terms()));
        p.put("reportedAt", time(s.reportedAt()));
        jdbc.sql("""
                        INSERT INTO incident (id, number, version, status, channel, text, longitude, latitude, address,
                            grid_code, village_code, town_code, county_code, region_path,
                            reporter_user_id, reporter_name, reporter_phone,
                            item_code, item_name, category_code, normal_level, terms, reported_at,
                            owner_org_id, owner_level, owner_region_path,
                            handling, handling_mode, lead_org_id, department_ids,
                            stage, stage_started_at, stage_deadline, stage_yellow_at, stage_overdue_marked,
                            pending_extension, supporters, returns, reworks, reopens, escalations, urges, overdues,
                            extensions, merged_into, result, satisfaction, resolution_level, closed_at,
                            accept_seconds, handle_seconds, verify_seconds, supervisions, type_unconfirmed, updated_at)
                        VALUES (:id, :number, :version, :status, :channel, :text, :longitude, :latitude, :address,
                            :gridCode, :villageCode, :townCode, :countyCode, :regionPath,
                            :reporterUserId, :reporterName, :reporterPhone,
                            :itemCode, :itemName, :categoryCode, :normalLevel, CAST(:terms AS jsonb), :reportedAt,
                            :ownerOrgId, :ownerLevel, :ownerRegionPath,
                            CAST(:handling AS jsonb), :handlingMode, :leadOrgId, CAST(:departmentIds AS bigint[]),
                            :stage, :stageStartedAt, :stageDeadline, :stageYellowAt, :stageOverdueMarked,
                            CAST(:pendingExtension AS jsonb), :supporters, :returns, :reworks, :reopens,
                            :escalations, :urges, :overdues, :extensions, :mergedInto, :result, :satisfaction,
                            :resolutionLevel, :closedAt, :acceptSeconds, :handleSeconds, :verifySeconds,
                            CAST(:supervisions AS jsonb), :typeUnconfirmed, :now)
                        """).params(p).update();
        appendHistory(incident.unsavedHistory());
        return number;
    }

    /**
     * The next number of the day {@code reportedAt} falls on in the city: the shared sequence's next value less the
     * day's base. A sequence never waits for another transaction, so reports on any node take numbers at once and
     * distinct; only the first report of a day writes the day's base (a second one that day waits for it, once). A
     * report rolled back leaves a gap.
     */
    private String nextNumber(Instant reportedAt) {
        LocalDate day = reportedAt.atZone(LOCAL).toLocalDate();
        Long base = dayBase(day);
        if (base == null) {
            jdbc.sql("""
                            INSERT INTO incident_number_day (day, base) VALUES (:day, nextval('incident_number_seq'))
                            ON CONFLICT (day) DO NOTHING
                            """).param("day", day).update();
            base = dayBase(day);
        }
        long value = jdbc.sql("SELECT nextval('incident_number_seq')")
                .query(Long.class)
                .single();
        return numberPrefix + "-" + NUMBER_DAY.format(day) + "-" + String.format("%04d", value - base);
    }

    private Long dayBase(LocalDate day) {
        return jdbc.sql("SELECT base FROM incident_number_day WHERE day = :day")
                .param("day", day)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /**
     * Writes an acted-on incident whose stored version was {@code expectedVersion}, and appends its new history
     * entries.
     *
     * @return false, with nothing written, if the stored version is no longer {@code expectedVersion}
     */
    public boolean update(Incident incident, long expectedVersion, Instant now) {
        Map<String, Object> p = state(incident.snapshot(), now);
        p.put("id", incident.id().value());
        p.put("expected", expectedVersion);
        int updated = jdbc.sql("""
                        UPDATE incident SET version = :version, status = :status,
                            owner_org_id = :ownerOrgId, owner_level = :ownerLevel, owner_region_path = :ownerRegionPath,
                            handling = CAST(:handling AS jsonb), handling_mode = :handlingMode, lead_org_id = :leadOrgId,
                            department_ids = CAST(:departmentIds AS bigint[]),
                            stage_yellow_warned = stage_yellow_warned
                                AND stage_deadline IS NOT DISTINCT FROM CAST(:stageDeadline AS timestamptz)
                                AND stage_started_at IS NOT DISTINCT FROM CAST(:stageStartedAt AS timestamptz),
                            stage = :stage, stage_started_at = :stageStartedAt, stage_deadline = :stageDeadline,
                            stage_yellow_at = :stageYellowAt, stage_overdue_marked = :stageOverdueMarked,
                            pending_extension = CAST(:pendingExtension AS jsonb),
                            supporters = :supporters, returns = :returns, reworks = :reworks, reopens = :reopens,
                            escalations = :escalations, urges = :urges, overdues = :overdues, extensions = :extensions,
                            merged_into = :mergedInto, result = :result, satisfaction = :satisfaction,
                            resolution_level = :resolutionLevel, closed_at = :closedAt,
                            accept_seconds = :acceptSeconds, handle_seconds = :handleSeconds,
                            verify_seconds = :verifySeconds, supervisions = CAST(:supervisions AS jsonb),
                            item_code = :itemCode, item_name = :itemName, normal_level = :normalLevel,
                            terms = CAST(:terms AS jsonb), type_unconfirmed = :typeUnconfirmed,
                            updated_at = :now
                         WHERE id = :id AND version = :expected
                        """).params(p).update();
        if (updated == 0) {
            return false;
        }
        appendHistory(incident.unsavedHistory());
        return true;
    }

    /** The catalog category of an incident whose item was changed (核定事项类型), in the same transaction. */
    public void changeCategory(IncidentId id, String categoryCode) {
        jdbc.sql("UPDATE incident SET category_code = :category WHERE id = :id")
                .param("category", categoryCode)
                .param("id", id.value())
                .update();
    }

    /** Records that the yellow warning of the running stage went out; not an action, so no version. */
    public boolean markYellowWarned(IncidentId id, Instant deadline) {
        return jdbc.sql("""
                        UPDATE incident SET stage_yellow_warned = TRUE
                         WHERE id = :id AND stage_deadline = :deadline AND NOT stage_yellow_warned
                        """)
                        .param("id", id.value())
                        .param("deadline", time(deadline))
                        .update()
                > 0;
    }

    private void appendHistory(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO incident_history (incident_id, sequence, at, actor_id, actor_name, role, org_id,
                    from_status, to_status, action, comment, detail, attachment_ids, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                HistoryEntry e = entries.get(i);
                ps.setObject(1, e.incidentId().value());
                ps.setLong(2, e.sequence());
                ps.setObject(3, time(e.at()));
                ps.setLong(4, e.actorId());
                ps.setString(5, e.actorName());
                ps.setString(6, e.role().name());
                ps.setLong(7, e.orgId());
                ps.setString(8, e.fromStatus() == null ? null : e.fromStatus().name());
                ps.setString(9, e.toStatus().name());
                ps.setString(10, e.action().name());
                ps.setString(11, e.comment());
                ps.setString(12, e.detail());
                ps.setArray(
                        13,
                        ps.getConnection()
                                .createArrayOf("text", e.attachmentIds().toArray()));
                ps.setString(14, e.previousHash());
                ps.setString(15, e.hash());
            }

            @Override
            public int getBatchSize() {
                return entries.size();
            }
        });
    }

    private static Map<String, Object> state(IncidentSnapshot s, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("version", s.version());
        p.put("status", s.status().name());
        p.put("ownerOrgId", s.owner().orgId());
        p.put("ownerLevel", s.owner().level().name());
        p.put("ownerRegionPath", s.owner().regionPath());
        Handling h = s.handling();
        p.put("handling", StoredJson.handling(h));
        p.put("handlingMode", h == null ? null : h.mode().name());
        p.put("leadOrgId", h == null ? null : h.lead().orgId());
        p.put(
                "departmentIds",
                h == null
                        ? "{}"
                        : h.departmentIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
        StageWindow stage = s.stage();
        p.put("stage", stage == null ? null : stage.stage().name());
        p.put("stageStartedAt", stage == null ? null : time(stage.startedAt()));
        p.put("stageDeadline", stage == null ? null : time(stage.deadline()));
        p.put("stageYellowAt", stage == null ? null : time(stage.yellowAt()));
        p.put("stageOverdueMarked", stage != null && stage.overdueMarked());
        p.put("pendingExtension", StoredJson.extension(s.pendingExtension()));
        Tally t = s.tally();
        p.put("supporters", t.supporters());
        p.put("returns", t.returns());
        p.put("reworks", t.reworks());
        p.put("reopens", t.reopens());
        p.put("escalations", t.escalations());
        p.put("urges", t.urges());
        p.put("overdues", t.overdues());
        p.put("extensions", t.extensions());
        p.put("mergedInto", s.mergedInto() == null ? null : s.mergedInto().value());
        p.put("result", s.result());
        p.put("satisfaction", s.satisfaction() == null ? null : s.satisfaction().name());
        p.put(
                "resolutionLevel",
                s.resolutionLevel() == null ? null : s.resolutionLevel().name());
        p.put("closedAt", time(s.closedAt()));
        p.put("acceptSeconds", s.stageTimes().accept().toSeconds());
        p.put("handleSeconds", s.stageTimes().handle().toSeconds());
        p.put("verifySeconds", s.stageTimes().verify().toSeconds());
        p.put("supervisions", StoredJson.supervisions(s.supervisions()));
        // the item changes only by 核定事项类型 (reclassify); written with every action, like the rest of the state
        p.put("itemCode", s.terms().itemCode());
        p.put("itemName", s.terms().itemName());
        p.put("normalLevel", s.terms().normalLevel().name());
        p.put("terms", StoredJson.terms(s.terms()));
        p.put("typeUnconfirmed", s.typeUnconfirmed());
        p.put("now", time(now));
        return p;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    private static final String SELECT_STATE = """
            SELECT id, number, version, status, channel, text, longitude, latitude, address, grid_code, village_code,
                   town_code, county_code, region_path, reporter_user_id, reporter_name, reporter_phone,
                   category_code, terms, reported_at, owner_org_id, owner_level, owner_region_path, handling,
                   stage, stage_started_at, stage_deadline, stage_yellow_at, stage_overdue_marked,
                   stage_yellow_warned, pending_extension, supporters, returns, reworks, reopens, escalations, urges,
                   overdues, extensions, merged_into, result, satisfaction, resolution_level, closed_at,
                   accept_seconds, handle_seconds, verify_seconds, supervisions, type_unconfirmed
              FROM incident
            """;

    public Optional<Stored> find(IncidentId id) {
        return jdbc.sql(SELECT_STATE + " WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> stored(rs))
                .optional();
    }

    /** Several incidents by id, in no particular order; missing ones are left out. */
    public List<Stored> findAll(List<IncidentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_STATE + " WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(IncidentId::value).toArray(UUID[]::new))
                .query((rs, n) -> stored(rs))
                .list();
    }

    /** The whole history of an incident, in sequence order. */
    public List<HistoryEntry> history(IncidentId id) {
        return history(id, Long.MAX_VALUE);
    }

    /**
     * The history up to the entry {@code version}: the entries that belong to a row read at that version, even when
     * someone appended more meanwhile (each statement sees what was committed when it started).
     */
    public List<HistoryEntry> history(IncidentId id, long version) {
        return jdbc.sql("""
                        SELECT incident_id, sequence, at, actor_id, actor_name, role, org_id, from_status, to_status,
                               action, comment, detail, attachment_ids, previous_hash, hash
                          FROM incident_history WHERE incident_id = :id AND sequence <= :version ORDER BY sequence
                        """)
                .param("id", id.value())
                .param("version", version)
                .query((rs, n) -> historyEntry(rs))
                .list();
    }

    /** The histories of several incidents, each in sequence order. */
    public Map<IncidentId, List<HistoryEntry>> histories(List<IncidentId> ids) {
        Map<IncidentId, List<HistoryEntry>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT incident_id, sequence, at, actor_id, actor_name, role, org_id, from_status, to_status,
                               action, comment, detail, attachment_ids, previous_hash, hash
                          FROM incident_history WHERE incident_id = ANY(:ids) ORDER BY incident_id, sequence
                        """)
                .param("ids", ids.stream().map(IncidentId::value).toArray(UUID[]::new))
                .query((rs, n) -> historyEntry(rs))
                .list()
                .forEach(e -> out.computeIfAbsent(e.incidentId(), k -> new ArrayList<>())
                        .add(e));
        return out;
    }

    /** Open incidents whose running stage is past its deadline and not yet recorded as overdue, oldest first. */
    /** Open incidents whose running stage is counted over some of {@code [from, to)}. */
    public List<IncidentId> runningStagesOver(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT id FROM incident
                         WHERE stage IS NOT NULL AND stage_deadline >= :from AND stage_started_at < :to
                         ORDER BY stage_deadline
                        """)
                .param("from", time(from))
                .param("to", time(to))
                .query((rs, n) -> new IncidentId(rs.getObject(1, UUID.class)))
                .list();
    }

    public List<IncidentId> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM incident
                         WHERE stage IS NOT NULL AND NOT stage_overdue_marked AND stage_deadline < :now
                         ORDER BY stage_deadline LIMIT :limit
                        """)
                .param("now", time(now))
                .param("limit", limit)
                .query((rs, n) -> new IncidentId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** An open incident whose stage reached its yellow point (80 %) and not yet its deadline, not yet warned. */
    public record YellowDue(
            IncidentId id,
            String number,
            String itemName,
            Stage stage,
            Instant deadline,
            long ownerOrgId,
            List<Long> departmentIds) {}

    public List<YellowDue> yellowDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, number, item_name, stage, stage_deadline, owner_org_id, department_ids
                          FROM incident
                         WHERE stage IS NOT NULL AND NOT stage_yellow_warned AND stage_yellow_at <= :now
                           AND stage_deadline >= :now
                         ORDER BY stage_yellow_at LIMIT :limit
                        """)
                .param("now", time(now))
                .param("limit", limit)
                .query((rs, n) -> new YellowDue(
                        new IncidentId(rs.getObject("id", UUID.class)),
                        rs.getString("number"),
                        rs.getString("item_name"),
                        Stage.valueOf(rs.getString("stage")),
                        instant(rs, "stage_deadline"),
                        rs.getLong("owner_org_id"),
                        longs(rs.getArray("department_ids"))))
                .list();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        IncidentId id = new IncidentId(rs.getObject("id", UUID.class));
        Double lng = (Double) rs.getObject("longitude");
        Double lat = (Double) rs.getObject("latitude");
        long reporterUserId = rs.getLong("reporter_user_id");
        Long reporter = rs.wasNull() ? null : reporterUserId;
        Intake intake = new Intake(
                Channel.valueOf(rs.getString("channel")),
                rs.getString("text"),
                new Place(lng, lat, rs.getString("address")),
                rs.getString("grid_code"),
                rs.getString("region_path"),
                new Reporter(reporter, rs.getString("reporter_name")));
        String stageName = rs.getString("stage");
        StageWindow stage = stageName == null
                ? null
                : new StageWindow(
                        Stage.valueOf(stageName),
                        instant(rs, "stage_started_at"),
                        instant(rs, "stage_deadline"),
                        instant(rs, "stage_yellow_at"),
                        rs.getBoolean("stage_overdue_marked"));
        UUID mergedInto = rs.getObject("merged_into", UUID.class);
        String satisfaction = rs.getString("satisfaction");
        String level = rs.getString("resolution_level");
        IncidentSnapshot snapshot = new IncidentSnapshot(
                id,
                rs.getLong("version"),
                Status.valueOf(rs.getString("status")),
                intake,
                StoredJson.terms(rs.getString("terms")),
                instant(rs, "reported_at"),
                new Centre(
                        rs.getLong("owner_org_id"),
                        Level.valueOf(rs.getString("owner_level")),
                        rs.getString("owner_region_path")),
                StoredJson.handling(rs.getString("handling")),
                stage,
                StoredJson.extension(rs.getString("pending_extension")),
                new Tally(
                        rs.getInt("supporters"),
                        rs.getInt("returns"),
                        rs.getInt("reworks"),
                        rs.getInt("reopens"),
                        rs.getInt("escalations"),
                        rs.getInt("urges"),
                        rs.getInt("overdues"),
                        rs.getInt("extensions")),
                mergedInto == null ? null : new IncidentId(mergedInto),
                rs.getString("result"),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                level == null ? null : Level.valueOf(level),
                instant(rs, "closed_at"),
                new StageTimes(
                        Duration.ofSeconds(rs.getLong("accept_seconds")),
                        Duration.ofSeconds(rs.getLong("handle_seconds")),
                        Duration.ofSeconds(rs.getLong("verify_seconds"))),
                StoredJson.supervisions(rs.getString("supervisions")),
                rs.getBoolean("type_unconfirmed"));
        Placement placement = new Placement(
                rs.getString("village_code"),
                rs.getString("town_code"),
                rs.getString("county_code"),
                rs.getString("category_code"),
                rs.getBytes("reporter_phone"),
                rs.getString("number"));
        return new Stored(snapshot, placement, rs.getBoolean("stage_yellow_warned"));
    }

    private static HistoryEntry historyEntry(ResultSet rs) throws SQLException {
        String from = rs.getString("from_status");
        Array attachments = rs.getArray("attachment_ids");
        return new HistoryEntry(
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getLong("sequence"),
                instant(rs, "at"),
                rs.getLong("actor_id"),
                rs.getString("actor_name"),
                Role.valueOf(rs.getString("role")),
                rs.getLong("org_id"),
                from == null ? null : Status.valueOf(from),
                Status.valueOf(rs.getString("to_status")),
                Action.valueOf(rs.getString("action")),
                rs.getString("comment"),
                rs.getString("detail"),
                attachments == null ? List.of() : Arrays.asList((String[]) attachments.getArray()),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((Long[]) array.getArray());
    }
}
