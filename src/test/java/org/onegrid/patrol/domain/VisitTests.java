package org.onegrid.patrol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.shared.geo.Position;

/** The visit at the door: what is refused, what is flagged, how schedules move on. No Spring. */
class VisitTests {

    static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    static final Position DOOR = new Position(118.5, 37.4);
    static final Door HOUSEHOLD = new Door(42, "G1", "/3705/370523/", DOOR, 3);

    /** A point {@code metres} north of the door. */
    static Position north(double metres) {
        return new Position(DOOR.lng(), DOOR.lat() + metres / 111_195.0);
    }

    static Visit visit(Outcome outcome, Position at, Duration length) {
        return Visit.record(
                UUID.randomUUID(),
                HOUSEHOLD,
                7,
                outcome,
                NOW.minus(length),
                NOW,
                at,
                null,
                "家中一切正常",
                VisitRules.DEFAULT,
                NOW);
    }

    @Test
    void aVisitFromFiveKilometresAwayIsRefusedWithTheDistanceNamed() {
        assertThatThrownBy(() -> visit(Outcome.MET, north(5_300), Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(VisitRefused.class, e -> {
                    assertThat(e.rejections()).extracting(Rejection::code).containsExactly("visit.too-far");
                    assertThat(e.rejections().get(0).field()).isEqualTo("position");
                    assertThat(e.getMessage()).contains("5.3 公里").contains("超过 5.0 公里");
                });
    }

    @Test
    void aVisitAFewHundredMetresAwayIsRecordedButFlaggedFar() {
        Visit v = visit(Outcome.MET, north(350), Duration.ofMinutes(10));
        assertThat(v.far()).isTrue();
        assertThat(v.distanceMetres()).isBetween(345, 355);
        assertThat(v.tooShort()).isFalse();
        assertThat(v.personsVerified()).isEqualTo(3);
    }

    @Test
    void aVisitAtTheDoorIsNotFlaggedAndAOneMinuteVisitIsFlaggedShort() {
        Visit atDoor = visit(Outcome.MET, north(20), Duration.ofMinutes(10));
        assertThat(atDoor.far()).isFalse();
        assertThat(atDoor.tooShort()).isFalse();
        assertThat(visit(Outcome.MET, north(20), Duration.ofMinutes(1)).tooShort())
                .isTrue();
    }

    @Test
    void aVisitWithoutPositionOrOutcomeOrWithImpossibleTimesIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> Visit.record(
                        UUID.randomUUID(),
                        HOUSEHOLD,
                        7,
                        null,
                        NOW,
                        NOW.minusSeconds(60),
                        null,
                        null,
                        null,
                        VisitRules.DEFAULT,
                        NOW))
                .isInstanceOfSatisfying(
                        VisitRefused.class,
                        e -> assertThat(e.rejections())
                                .extracting(Rejection::code)
                                .containsExactly("visit.outcome", "visit.position", "visit.times"));
        assertThatThrownBy(() -> visit(Outcome.MET, north(10), Duration.ofHours(9)))
                .isInstanceOfSatisfying(
                        VisitRefused.class,
                        e -> assertThat(e.rejections())
                                .extracting(Rejection::code)
                                .containsExactly("visit.too-long"));
    }

    @Test
    void moreVerifiedPersonsThanTheHouseholdHasIsRefused() {
        assertThatThrownBy(() -> Visit.record(
                        UUID.randomUUID(),
                        HOUSEHOLD,
                        7,
                        Outcome.MET,
                        NOW.minusSeconds(600),
                        NOW,
                        north(5),
                        4,
                        null,
                        VisitRules.DEFAULT,
                        NOW))
                .isInstanceOfSatisfying(
                        VisitRefused.class,
                        e -> assertThat(e.rejections())
                                .extracting(Rejection::field)
                                .containsExactly("personsVerified"));
    }

    @Test
    void nobodyHomeAsksForARevisitWithinTheConfiguredDaysAndAMeetingClearsIt() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        Schedule first = new Schedule(30, null, day.plusDays(10), null);
        assertThat(first.dueOn(day)).isFalse();

        Schedule nobody = first.after(Outcome.NOBODY_HOME, day, 3);
        assertThat(nobody.revisitBy()).isEqualTo(day.plusDays(3));
        assertThat(nobody.dueOn(day)).isTrue();
        assertThat(nobody.overdueOn(day.plusDays(3))).isFalse();
        assertThat(nobody.overdueOn(day.plusDays(4))).isTrue();

        Schedule met = nobody.after(Outcome.MET, day.plusDays(1), 3);
        assertThat(met.revisitBy()).isNull();
        assertThat(met.lastVisitOn()).isEqualTo(day.plusDays(1));
        assertThat(met.nextDueOn()).isEqualTo(day.plusDays(31));
        assertThat(met.dueOn(day.plusDays(2))).isFalse();
    }

    @Test
    void householdsWithPeopleNeedingAttentionAreVisitedMoreOften() {
        assertThat(Frequency.DEFAULT.everyDays(Set.of())).isEqualTo(30);
        assertThat(Frequency.DEFAULT.everyDays(Set.of(PersonTag.LOW_INCOME))).isEqualTo(30);
        assertThat(Frequency.DEFAULT.everyDays(Set.of(PersonTag.DISABLED, PersonTag.ELDERLY_ALONE)))
                .isEqualTo(7);
    }

    @Test
    void aNewHouseholdsFirstVisitFallsWithinItsInterval() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        for (long id = 1; id < 50; id++) {
            Schedule s = Schedule.first(id, 7, day);
            assertThat(s.nextDueOn()).isBetween(day, day.plusDays(6));
        }
    }

    @Test
    void aChangeRequestIsDecidedOnceAndARejectionSaysWhy() {
        ChangeRequest raised = ChangeRequest.raise(ChangeKind.MEMBER_MOVED_OUT, 5L, "外出务工", List.of(5L, 6L));
        assertThat(raised.status()).isEqualTo(ChangeStatus.PENDING);
        assertThatThrownBy(() -> raised.reject(" "))
                .isInstanceOfSatisfying(
                        VisitRefused.class,
                        e -> assertThat(e.rejections())
                                .extracting(Rejection::code)
                                .containsExactly("change.reason"));
        ChangeRequest confirmed = raised.confirm();
        assertThat(confirmed.status()).isEqualTo(ChangeStatus.CONFIRMED);
        assertThatThrownBy(confirmed::confirm).isInstanceOf(VisitRefused.class);
        assertThatThrownBy(() -> confirmed.reject("错了")).isInstanceOf(VisitRefused.class);
    }

    @Test
    void aChangeNamingSomeoneOutsideTheHouseholdIsRefused() {
        assertThatThrownBy(() -> ChangeRequest.raise(ChangeKind.MEMBER_DIED, 99L, "", List.of(5L, 6L)))
                .isInstanceOfSatisfying(
                        VisitRefused.class,
                        e -> assertThat(e.rejections())
                                .extracting(Rejection::code)
                                .containsExactly("change.person"));
        assertThatThrownBy(() -> ChangeRequest.raise(ChangeKind.OTHER, null, " ", List.of()))
                .isInstanceOf(VisitRefused.class);
    }

    @Test
    void aDayCountsTowardsItsMonthQuarterAndYear() {
        assertThat(Periods.of(LocalDate.of(2026, 11, 30))).containsExactly("2026-11", "2026-Q4", "2026");
        assertThat(Periods.of(LocalDate.of(2027, 1, 1))).containsExactly("2027-01", "2027-Q1", "2027");
    }
}
