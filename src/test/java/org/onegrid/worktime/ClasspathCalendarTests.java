package org.onegrid.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class ClasspathCalendarTests {

    @Test
    void shipsTheYears2020To2026() {
        assertThat(ClasspathCalendar.load())
                .extracting(CalendarYear::year)
                .containsExactlyInAnyOrder(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @Test
    void readsHolidaysInLieuDaysAndAdjustedWorkingDays() {
        String json = """
                {"holidays": {"2026-02-16": "Spring Festival,春节,4"},
                 "workdays": {"2026-02-14": "Spring Festival,春节,4"},
                 "inLieuDays": {"2026-02-20": "Spring Festival,春节,4"}}
                """;

        CalendarYear year = ClasspathCalendar.read(2026, resource(json));

        assertThat(year.holidays()).containsExactlyInAnyOrder(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 20));
        assertThat(year.workdays()).containsExactly(LocalDate.of(2026, 2, 14));
    }

    @Test
    void malformedFileFailsNamingTheFile() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ClasspathCalendar.read(2026, resource("{\"holidays\": {\"2026-02-30\": \"x\"}}")))
                .withMessageContaining("Cannot read working-time calendar")
                .withMessageContaining("2026.json");
        assertThatIllegalStateException()
                .isThrownBy(() -> ClasspathCalendar.read(2026, resource("{\"holidays\": {\"2025-10-01\": \"x\"}}")))
                .withMessageContaining("another year");
        assertThatIllegalStateException().isThrownBy(() -> ClasspathCalendar.read(2026, resource("not json")));
    }

    private static ByteArrayResource resource(String json) {
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), "calendar/2026.json");
    }
}
