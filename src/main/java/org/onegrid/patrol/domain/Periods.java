package org.onegrid.patrol.domain;

import java.time.LocalDate;
import java.util.List;

/** The period keys a day counts towards in the coverage counters: its month, quarter and year. */
public final class Periods {

    private Periods() {}

    public static List<String> of(LocalDate day) {
        return List.of(month(day), quarter(day), String.valueOf(day.getYear()));
    }

    public static String month(LocalDate day) {
        return String.format("%d-%02d", day.getYear(), day.getMonthValue());
    }

    public static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
