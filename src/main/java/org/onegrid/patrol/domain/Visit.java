package org.onegrid.patrol.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.geo.Position;

/**
 * A home visit 入户走访, recorded at the door in one step. {@link #record} is the only way to make one: it refuses a
 * visit that cannot have happened (from kilometres away, ending before it started, starting in the future) with every
 * reason at once, and flags one that is doubtful (too far from the door, too short) without refusing it.
 */
public final class Visit {

    public static final int MAX_NOTES = 2000;

    private static final ZoneId CITY = CityTime.ZONE;

    private final UUID id;
    private final Door door;
    private final long visitorId;
    private final Outcome outcome;
    private final Instant startedAt;
    private final Instant endedAt;
    private final Position at;
    private final int distanceMetres;
    private final boolean far;
    private final boolean tooShort;
    private final int personsVerified;
    private final String notes;

    private Visit(
            UUID id,
            Door door,
            long visitorId,
            Outcome outcome,
            Instant startedAt,
            Instant endedAt,
            Position at,
            int distanceMetres,
            boolean far,
            boolean tooShort,
            int personsVerified,
            String notes) {
        this.id = id;
        this.door = door;
        this.visitorId = visitorId;
        this.outcome = outcome;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.at = at;
        this.distanceMetres = distanceMetres;
        this.far = far;
        this.tooShort = tooShort;
        this.personsVerified = personsVerified;
        this.notes = notes;
    }

    /**
     * Records a visit to {@code door}, or refuses it with every reason.
     *
     * @param personsVerified for 见面 and 信息有变: how many of the household the visitor verified (null: all)
     */
    public static Visit record(
            UUID id,
            Door door,
            long visitorId,
            Outcome outcome,
            Instant startedAt,
            Instant endedAt,
            Position at,
            Integer personsVerified,
            String notes,
            VisitRules rules,
            Instant now) {
        List<Rejection> found = new ArrayList<>();
        if (outcome == null) {
            found.add(new Rejection("outcome", "visit.outcome", "请选择走访结果：见面、无人在家、拒访、已搬离或信息有变"));
        }
        int distance = -1;
        if (at == null || !at.valid()) {
            found.add(new Rejection("position", "visit.position", "未取得当前位置，请允许浏览器定位后再登记"));
        } else {
            distance = (int) Math.round(at.metresTo(door.point()));
            if (distance > rules.refuseMetres()) {
                found.add(new Rejection(
                        "position",
                        "visit.too-far",
                        String.format(
                                "当前位置距该户门牌 %.1f 公里，超过 %.1f 公里，不能登记走访；请到户后再登记",
                                distance / 1000.0, rules.refuseMetres() / 1000.0)));
            }
        }
        if (startedAt == null || endedAt == null) {
            found.add(new Rejection("startedAt", "visit.times", "缺少走访开始或结束时间"));
        } else {
            if (endedAt.isBefore(startedAt)) {
                found.add(new Rejection("endedAt", "visit.times", "结束时间早于开始时间"));
            } else if (Duration.between(startedAt, endedAt).compareTo(rules.longest()) > 0) {
                found.add(new Rejection(
                        "endedAt",
                        "visit.too-long",
                        "一次走访不能超过 " + rules.longest().toHours() + " 小时，请核对时间"));
            }
            if (endedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
                found.add(new Rejection("endedAt", "visit.future", "走访时间不能晚于现在"));
            }
        }
        int verified = 0;
        if (outcome != null && outcome.verifiesPersons()) {
            verified = personsVerified == null ? door.persons() : personsVerified;
            if (verified < 0 || verified > door.persons()) {
                found.add(
                        new Rejection("personsVerified", "visit.persons", "核实人数须在 0 到本户人数 " + door.persons() + " 之间"));
            }
        }
        String text = notes == null || notes.isBlank() ? null : notes.strip();
        if (text != null && text.length() > MAX_NOTES) {
            found.add(new Rejection("notes", "visit.notes", "走访记录不能超过 " + MAX_NOTES + " 字"));
        }
        VisitRefused.refuseIfAny(found);
        boolean far = distance > rules.flagMetres();
        boolean tooShort = Duration.between(startedAt, endedAt).compareTo(rules.shortest()) < 0;
        return new Visit(id, door, visitorId, outcome, startedAt, endedAt, at, distance, far, tooShort, verified, text);
    }

    /** The city's day of the visit. */
    public LocalDate day() {
        return LocalDate.ofInstant(endedAt, CITY);
    }

    public UUID id() {
        return id;
    }

    public Door door() {
        return door;
    }

    public long visitorId() {
        return visitorId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Position at() {
        return at;
    }

    public int distanceMetres() {
        return distanceMetres;
    }

    public boolean far() {
        return far;
    }

    public boolean tooShort() {
        return tooShort;
    }

    public int personsVerified() {
        return personsVerified;
    }

    public String notes() {
        return notes;
    }
}
