package org.onegrid.patrol.domain;

import java.time.LocalDate;

/**
 * When a household is to be visited: regularly every {@code everyDays}, and after 无人在家 again by {@code revisitBy}
 * (复访).
 */
public record Schedule(int everyDays, LocalDate lastVisitOn, LocalDate nextDueOn, LocalDate revisitBy) {

    /**
     * A household seen for the first time: its first regular visit falls within its interval, spread by its id so
     * that a grid's households do not all fall due on one day.
     */
    public static Schedule first(long householdId, int everyDays, LocalDate today) {
        return new Schedule(everyDays, null, today.plusDays(Math.floorMod(householdId, everyDays)), null);
    }

    /** The schedule after a visit on {@code day}. */
    public Schedule after(Outcome outcome, LocalDate day, int revisitDays) {
        if (outcome == Outcome.NOBODY_HOME) {
            return new Schedule(everyDays, lastVisitOn, nextDueOn, day.plusDays(revisitDays));
        }
        return new Schedule(everyDays, day, day.plusDays(everyDays), null);
    }

    /** The same schedule at another interval (the household's tags changed). */
    public Schedule every(int days) {
        if (days == everyDays) {
            return this;
        }
        LocalDate next = lastVisitOn == null ? nextDueOn : lastVisitOn.plusDays(days);
        return new Schedule(days, lastVisitOn, next, revisitBy);
    }

    public boolean dueOn(LocalDate today) {
        return revisitBy != null || !nextDueOn.isAfter(today);
    }

    public boolean overdueOn(LocalDate today) {
        return (revisitBy != null && revisitBy.isBefore(today)) || nextDueOn.isBefore(today);
    }
}
