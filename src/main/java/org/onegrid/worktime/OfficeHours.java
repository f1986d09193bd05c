package org.onegrid.worktime;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Office hours (办公时间) of every working day: one or more periods, e.g. {@code 08:30-12:00,13:30-17:30} for
 * a morning and an afternoon with the lunch break (午休) between them, which does not count as working time.
 *
 * @param periods the periods in order of the day; they must not overlap
 */
public record OfficeHours(List<Period> periods) {

    /** Office hours of government service halls: morning and afternoon with a lunch break. */
    public static final String DEFAULT_SPEC = "08:30-12:00,13:30-17:30";

    /** {@link #DEFAULT_SPEC} parsed. */
    public static final OfficeHours DEFAULT = parse(DEFAULT_SPEC);

    public OfficeHours {
        Objects.requireNonNull(periods, "periods");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one period");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::start));
        for (int i = 1; i < sorted.size(); i++) {
            Period before = sorted.get(i - 1);
            Period after = sorted.get(i);
            // Touching periods (12:00-13:00,13:00-14:00) are allowed: they simply join up.
            if (after.start().isBefore(before.end())) {
                throw new IllegalArgumentException("Office periods " + before + " and " + after + " overlap");
            }
        }
        periods = List.copyOf(sorted);
    }

    /**
     * Parses comma-separated periods {@code HH:mm-HH:mm}, e.g. {@code 08:30-12:00,13:30-17:30}.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    public static OfficeHours parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        try {
            List<Period> periods = new ArrayList<>();
            for (String part : spec.split(",", -1)) {
                periods.add(Period.parse(part.strip()));
            }
            return new OfficeHours(periods);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid office hours \"" + spec + "\" (expected e.g. " + DEFAULT_SPEC + "): " + e.getMessage(), e);
        }
    }

    /** Working time in one working day. */
    public Duration perDay() {
        Duration total = Duration.ZERO;
        for (Period period : periods) {
            total = total.plus(period.length());
        }
        return total;
    }

    /** The spec {@link #parse} accepts, e.g. {@code 08:30-12:00,13:30-17:30}. */
    @Override
    public String toString() {
        return periods.stream().map(Period::toString).collect(Collectors.joining(","));
    }

    /**
     * One office period of a day, e.g. the morning 08:30–12:00.
     *
     * @param start when the office opens
     * @param end when it closes; after {@code start} on the same day
     */
    public record Period(LocalTime start, LocalTime end) {

        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException(
                        "Office period " + start + "-" + end + " does not end after it starts");
            }
        }

        /** Parses {@code HH:mm-HH:mm}. */
        public static Period parse(String text) {
            int dash = text.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("\"" + text + "\" is not a period like 08:30-12:00");
            }
            return new Period(
                    time(text.substring(0, dash).strip()),
                    time(text.substring(dash + 1).strip()));
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a time of day HH:mm", e);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }
}
