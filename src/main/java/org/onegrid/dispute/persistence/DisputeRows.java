package org.onegrid.dispute.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.casework.time.Window;
import org.onegrid.dispute.domain.Agreement;
import org.onegrid.dispute.domain.Body;
import org.onegrid.dispute.domain.BodyKind;
import org.onegrid.dispute.domain.Dispute;
import org.onegrid.dispute.domain.Exit;
import org.onegrid.dispute.domain.Field;
import org.onegrid.dispute.domain.Level;
import org.onegrid.dispute.domain.Party;
import org.onegrid.dispute.domain.Performance;
import org.onegrid.dispute.domain.Risk;
import org.onegrid.dispute.domain.Session;
import org.onegrid.dispute.domain.Side;
import org.onegrid.dispute.domain.Source;
import org.onegrid.dispute.domain.Status;
import org.onegrid.shared.privacy.PersonalNumbers;
import org.onegrid.worktime.TimeMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Disputes in plain SQL: the case row, its parties (personal data sealed, masked forms beside them) and its sessions.
 * An update names the version it read; nothing updated means someone else acted first.
 */
@Repository
public class DisputeRows {

    private final JdbcClient jdbc;
    private final PartyCipher cipher;

    DisputeRows(JdbcClient jdbc, PartyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The next case number of the year: 矛调〔2026〕0001 号 written as {@code MD2026-000001}. */
    public String nextNumber(Instant now) {
        long n = jdbc.sql("SELECT nextval('dispute_number_seq')")
                .query(Long.class)
                .single();
        return "MD" + Year.now(org.onegrid.shared.config.CityTime.ZONE).getValue() + "-" + String.format("%06d", n);
    }

    public void insert(Dispute.State s, Map<Integer, String> maskedNames, Instant now) {
        jdbc.sql("""
                        INSERT INTO dispute (id, number, source, court_case_number, incident_id, type_code, type_name, facts,
                            amount, risk, criminal_risk, involved, major, region_code, region_path, grid_code,
                            body_kind, body_field, body_org_id, body_level, body_region_code, body_region_path, body_name,
                            body_court, status, version, received_at, updated_at)
                        VALUES (:id, :number, :source, :court, :incident, :type, :typeName, :facts, :amount, :risk,
                            :criminal, :involved, :major, :regionCode, :regionPath, :grid, 'X', NULL, 0, 'X', '', '', '',
                            NULL, 'RECEIVED', 0, :received, :now)
                        """)
                .param("id", s.id())
                .param("number", s.number())
                .param("source", s.source().name())
                .param("court", s.courtCaseNumber())
                .param("incident", s.incidentId())
                .param("type", s.typeCode())
                .param("typeName", s.typeName())
                .param("facts", s.facts())
                .param("amount", s.amount())
                .param("risk", s.risk().name())
                .param("criminal", s.criminalRisk())
                .param("involved", s.involved())
                .param("major", false)
                .param("regionCode", s.regionCode())
                .param("regionPath", s.regionPath())
                .param("grid", s.gridCode())
                .param("received", Timestamp.from(s.receivedAt()))
                .param("now", Timestamp.from(now))
                .update();
        List<Party> parties = s.parties();
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            String masked = maskedNames.getOrDefault(i, p.organisation() ? p.name() : PersonalNumbers.name(p.name()));
            jdbc.sql("""
                            INSERT INTO dispute_party (dispute_id, position, side, organisation, person_id, organisation_id,
                                name_sealed, identity_sealed, phone_sealed, masked_name, masked_identity)
                            VALUES (:id, :position, :side, :organisation, :person, :org, :name, :identity, :phone,
                                :maskedName, :maskedIdentity)
                            """)
                    .param("id", s.id())
                    .param("position", i)
                    .param("side", p.side().name())
                    .param("organisation", p.organisation())
                    .param("person", p.personId())
                    .param("org", p.organisationId())
                    .param("name", cipher.seal(p.name() == null ? masked : p.name()))
                    .param(
                            "identity",
                            p.identity() == null
                                    ? null
                                    : cipher.seal(p.identity().strip()))
                    .param(
                            "phone",
                            p.phone() == null || p.phone().isBlank()
                                    ? null
                                    : cipher.seal(p.phone().strip()))
                    .param("maskedName", masked)
                    .param("maskedIdentity", p.identity() == null ? "" : maskIdentity(p))
                    .update();
        }
    }

    private static String maskIdentity(Party p) {
        String id = p.identity().strip();
        return p.organisation() ? id : PersonalNumbers.idNumber(id);
    }

    /**
     * Stores the state reached from {@code expectedVersion}; false when the row moved on meanwhile (or never was).
     */
    public boolean update(
            Dispute.State s, long expectedVersion, boolean major, List<Session> newSessions, Instant now) {
        Window w = s.window();
        TimeLimit limit = s.limit();
        Agreement a = s.agreement();
        Body b = s.body();
        int n = jdbc.sql("""
                        UPDATE dispute SET body_kind = :bodyKind, body_field = :bodyField, body_org_id = :bodyOrg,
                            body_level = :bodyLevel, body_region_code = :bodyRegionCode, body_region_path = :bodyRegionPath,
                            body_name = :bodyName, body_court = :bodyCourt, status = :status, version = :version,
                            mediator_id = :mediator, mediator_name = :mediatorName, limit_seconds = :limitSeconds,
                            limit_mode = :limitMode, started_at = :started, deadline = :deadline, yellow_at = :yellow,
                            overdue_marked = :overdue, extensions = :extensions, escalations = :escalations,
                            agreement_facts = :aFacts, agreement_terms = :aTerms, agreement_amount = :aAmount,
                            perform_by = :performBy, remainder_exit = :remainderExit, remainder = :remainder,
                            agreement_sha256 = :sha, exit = :exit, exit_note = :exitNote, ruling_number = :ruling,
                            court = :court, performance = :performance, satisfaction = :satisfaction,
                            concluded_level = :concludedLevel, accepted_at = :accepted, concluded_at = :concluded,
                            sessions = :sessions, major = :major, updated_at = :now
                        WHERE id = :id AND version = :expected
                        """)
                .param("bodyKind", b.kind().name())
                .param("bodyField", b.field() == null ? null : b.field().name())
                .param("bodyOrg", b.orgId())
                .param("bodyLevel", b.level().name())
                .param("bodyRegionCode", b.regionCode())
                .param("bodyRegionPath", b.regionPath())
                .param("bodyName", b.name())
                .param("bodyCourt", b.court())
                .param("status", s.status().name())
                .param("version", s.version())
                .param("mediator", s.mediatorId())
                .param("mediatorName", s.mediatorName())
                .param("limitSeconds", limit == null ? null : limit.duration().toSeconds())
                .param("limitMode", limit == null ? null : limit.mode().name())
                .param("started", w == null ? null : Timestamp.from(w.startedAt()))
                .param("deadline", w == null ? null : Timestamp.from(w.deadline()))
                .param("yellow", w == null ? null : Timestamp.from(w.yellowAt()))
                .param("overdue", w != null && w.overdueMarked())
                .param("extensions", s.extensions())
                .param("escalations", s.escalations())
                .param("aFacts", a == null ? null : a.facts())
                .param("aTerms", a == null ? null : a.terms().toArray(String[]::new))
                .param("aAmount", a == null ? null : a.amount())
                .param("performBy", a == null ? null : a.performBy())
                .param(
                        "remainderExit",
                        a == null || a.remainderReferredTo() == null
                                ? null
                                : a.remainderReferredTo().name())
                .param("remainder", a == null ? null : a.remainder())
                .param("sha", s.agreementSha256())
                .param("exit", s.exit() == null ? null : s.exit().name())
                .param("exitNote", s.exitNote())
                .param("ruling", s.rulingNumber())
                .param("court", s.court())
                .param(
                        "performance",
                        s.performance() == null ? null : s.performance().name())
                .param(
                        "satisfaction",
                        s.satisfaction() == null ? null : s.satisfaction().name())
                .param(
                        "concludedLevel",
                        s.concludedLevel() == null ? null : s.concludedLevel().name())
                .param("accepted", s.acceptedAt() == null ? null : Timestamp.from(s.acceptedAt()))
                .param("concluded", s.concludedAt() == null ? null : Timestamp.from(s.concludedAt()))
                .param("sessions", s.sessions().size())
                .param("major", major)
                .param("now", Timestamp.from(now))
                .param("id", s.id())
                .param("expected", expectedVersion)
                .update();
        if (n == 0) {
            return false;
        }
        for (Session x : newSessions) {
            jdbc.sql("""
                            INSERT INTO dispute_session (dispute_id, number, held_at, place, attendees, minutes, mediator_id,
                                mediator_name)
                            VALUES (:id, :number, :held, :place, :attendees, :minutes, :mediator, :mediatorName)
                            """)
                    .param("id", s.id())
                    .param("number", x.number())
                    .param("held", Timestamp.from(x.heldAt()))
                    .param("place", x.place())
                    .param("attendees", x.attendees())
                    .param("minutes", x.minutes())
                    .param("mediator", x.mediatorId())
                    .param("mediatorName", x.mediatorName())
                    .update();
        }
        return true;
    }

    /** A party as stored: the domain's party (personal data unsealed) with the masked forms pages show. */
    public record StoredParty(Party party, String maskedName, String maskedIdentity) {}

    /** A dispute as stored, with its parties unsealed for the domain. */
    public record Stored(Dispute.State state, List<StoredParty> parties) {}

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT * FROM dispute WHERE id = :id")
                .param("id", id)
                .query(this::state)
                .optional()
                .map(s -> {
                    List<StoredParty> parties = parties(id);
                    List<Session> sessions = sessions(id);
                    Dispute.State full = withPartiesAndSessions(
                            s, parties.stream().map(StoredParty::party).toList(), sessions);
                    return new Stored(full, parties);
                });
    }

    /** Locks the row for the rest of the transaction (the overdue scan and actions do not interleave). */
    public Optional<Stored> lock(UUID id) {
        List<UUID> locked = jdbc.sql("SELECT id FROM dispute WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(UUID.class)
                .list();
        return locked.isEmpty() ? Optional.empty() : find(id);
    }

    public Optional<UUID> byIncident(UUID incidentId) {
        return jdbc.sql("SELECT id FROM dispute WHERE incident_id = :id")
                .param("id", incidentId)
                .query(UUID.class)
                .optional();
    }

    public List<StoredParty> parties(UUID id) {
        return jdbc.sql("SELECT * FROM dispute_party WHERE dispute_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new StoredParty(
                        new Party(
                                Side.valueOf(rs.getString("side")),
                                rs.getBoolean("organisation"),
                                (Long) rs.getObject("person_id"),
                                (Long) rs.getObject("organisation_id"),
                                cipher.open(rs.getBytes("name_sealed")),
                                rs.getBytes("identity_sealed") == null
                                        ? null
                                        : cipher.open(rs.getBytes("identity_sealed")),
                                rs.getBytes("phone_sealed") == null ? null : cipher.open(rs.getBytes("phone_sealed"))),
                        rs.getString("masked_name"),
                        rs.getString("masked_identity")))
                .list();
    }

    public List<Session> sessions(UUID id) {
        return jdbc.sql("SELECT * FROM dispute_session WHERE dispute_id = :id ORDER BY number")
                .param("id", id)
                .query((rs, n) -> new Session(
                        rs.getInt("number"),
                        rs.getTimestamp("held_at").toInstant(),
                        rs.getString("place"),
                        rs.getString("attendees"),
                        rs.getString("minutes"),
                        rs.getLong("mediator_id"),
                        rs.getString("mediator_name")))
                .list();
    }

    private static Dispute.State withPartiesAndSessions(Dispute.State s, List<Party> parties, List<Session> sessions) {
        return new Dispute.State(
                s.id(),
                s.number(),
                s.source(),
                s.courtCaseNumber(),
                s.incidentId(),
                s.typeCode(),
                s.typeName(),
                s.facts(),
                s.amount(),
                s.risk(),
                s.criminalRisk(),
                s.involved(),
                s.regionCode(),
                s.regionPath(),
                s.gridCode(),
                parties,
                s.receivedAt(),
                s.body(),
                s.status(),
                s.version(),
                s.mediatorId(),
                s.mediatorName(),
                sessions,
                s.window(),
                s.limit(),
                s.extensions(),
                s.escalations(),
                s.agreement(),
                s.agreementSha256(),
                s.exit(),
                s.exitNote(),
                s.rulingNumber(),
                s.court(),
                s.performance(),
                s.satisfaction(),
                s.concludedLevel(),
                s.acceptedAt(),
                s.concludedAt());
    }

    private Dispute.State state(ResultSet rs, int n) throws SQLException {
        Window w = rs.getTimestamp("deadline") == null
                ? null
                : new Window(
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("deadline").toInstant(),
                        rs.getTimestamp("yellow_at").toInstant(),
                        rs.getBoolean("overdue_marked"));
        TimeLimit limit = rs.getObject("limit_seconds") == null
                ? null
                : new TimeLimit(
                        Duration.ofSeconds(rs.getLong("limit_seconds")), TimeMode.valueOf(rs.getString("limit_mode")));
        Agreement a = rs.getString("agreement_facts") == null
                ? null
                : new Agreement(
                        rs.getString("agreement_facts"),
                        strings(rs.getArray("agreement_terms")),
                        rs.getBigDecimal("agreement_amount"),
                        rs.getObject("perform_by", LocalDate.class),
                        enumOf(Exit.class, rs.getString("remainder_exit")),
                        rs.getString("remainder"));
        Body body = new Body(
                BodyKind.valueOf(rs.getString("body_kind")),
                enumOf(Field.class, rs.getString("body_field")),
                rs.getLong("body_org_id"),
                Level.valueOf(rs.getString("body_level")),
                rs.getString("body_region_code"),
                rs.getString("body_region_path"),
                rs.getString("body_name"),
                rs.getString("body_court"));
        return new Dispute.State(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                Source.valueOf(rs.getString("source")),
                rs.getString("court_case_number"),
                rs.getObject("incident_id", UUID.class),
                rs.getString("type_code"),
                rs.getString("type_name"),
                rs.getString("facts"),
                rs.getBigDecimal("amount"),
                Risk.valueOf(rs.getString("risk")),
                rs.getBoolean("criminal_risk"),
                rs.getInt("involved"),
                rs.getString("region_code"),
                rs.getString("region_path"),
                rs.getString("grid_code"),
                List.of(),
                rs.getTimestamp("received_at").toInstant(),
                body,
                Status.valueOf(rs.getString("status")),
                rs.getLong("version"),
                (Long) rs.getObject("mediator_id"),
                rs.getString("mediator_name"),
                List.of(),
                w,
                limit,
                rs.getInt("extensions"),
                rs.getInt("escalations"),
                a,
                rs.getString("agreement_sha256"),
                enumOf(Exit.class, rs.getString("exit")),
                rs.getString("exit_note"),
                rs.getString("ruling_number"),
                rs.getString("court"),
                enumOf(Performance.class, rs.getString("performance")),
                enumOf(Satisfaction.class, rs.getString("satisfaction")),
                enumOf(Level.class, rs.getString("concluded_level")),
                instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("concluded_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((String) o);
        }
        return out;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** For the list pages: how many open cases each mediator has, by id. */
    public Map<Long, Integer> openCasesByMediator(long orgId) {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("""
                        SELECT mediator_id, count(*) AS n FROM dispute
                        WHERE body_org_id = :org AND status = 'MEDIATING' AND mediator_id IS NOT NULL
                        GROUP BY mediator_id
                        """)
                .param("org", orgId)
                .query((rs, n) -> out.put(rs.getLong("mediator_id"), rs.getInt("n")))
                .list();
        return out;
    }
}
