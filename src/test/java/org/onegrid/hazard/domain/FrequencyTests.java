package org.onegrid.hazard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How plans say how often they screen, and the periods that follows. No Spring. */
class FrequencyTests {

    static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);

    @Test
    void theUsualWordsInEnglishAndChineseAllParse() {
        assertThat(Frequency.parse("quarterly").unit()).isEqualTo(Frequency.Unit.QUARTER);
        assertThat(Frequency.parse("每月").unit()).isEqualTo(Frequency.Unit.MONTH);
        assertThat(Frequency.parse(" Weekly ").unit()).isEqualTo(Frequency.Unit.WEEK);
        assertThat(Frequency.parse("每半月").unit()).isEqualTo(Frequency.Unit.HALF_MONTH);
        assertThat(Frequency.parse("每天").unit()).isEqualTo(Frequency.Unit.DAY);
        assertThat(Frequency.parse("every 10 days")).isEqualTo(new Frequency(Frequency.Unit.DAYS, 10));
        assertThat(Frequency.parse("每10天")).isEqualTo(new Frequency(Frequency.Unit.DAYS, 10));
        assertThat(Frequency.parse("每 1 天").unit()).isEqualTo(Frequency.Unit.DAY);
    }

    @Test
    void aPeriodThatDoesNotParseIsRefusedNamingTheFormsUnderstood() {
        assertThatThrownBy(() -> Frequency.parse("biweeklyish"))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("无法识别排查周期“biweeklyish”")
                .hasMessageContaining("每季度、每月、每半月、每周、每日 或 每N天");
        assertThatThrownBy(() -> Frequency.parse("every 0 days")).hasMessageContaining("1 到 366");
        assertThatThrownBy(() -> Frequency.parse("")).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> Frequency.parse(null)).isInstanceOf(Refused.class);
    }

    @Test
    void eachUnitCutsTheCalendarIntoNamedPeriodsWithStableKeys() {
        LocalDate day = LocalDate.of(2026, 12, 4);
        assertThat(Frequency.parse("quarterly").slotOf(day, ANCHOR))
                .isEqualTo(new Frequency.Slot(
                        "2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "2026年第四季度"));
        assertThat(Frequency.parse("monthly").slotOf(day, ANCHOR).key()).isEqualTo("2026-12");
        assertThat(Frequency.parse("half-monthly")
                        .slotOf(LocalDate.of(2026, 2, 20), ANCHOR)
                        .end())
                .isEqualTo(LocalDate.of(2026, 2, 28));
        Frequency.Slot week = Frequency.parse("weekly").slotOf(day, ANCHOR);
        assertThat(week.key()).isEqualTo("2026-W49");
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 11, 30));
        Frequency.Slot tenDays = Frequency.parse("every 10 days").slotOf(LocalDate.of(2026, 1, 25), ANCHOR);
        assertThat(tenDays.start()).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(tenDays.end()).isEqualTo(LocalDate.of(2026, 1, 30));
    }

    @Test
    void periodsBetweenTwoDaysAreContiguousAndBounded() {
        List<Frequency.Slot> months = Frequency.parse("monthly")
                .slotsBetween(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 12, 4), ANCHOR, 100);
        assertThat(months).hasSize(12);
        for (int i = 1; i < months.size(); i++) {
            assertThat(months.get(i).start()).isEqualTo(months.get(i - 1).end().plusDays(1));
        }
        assertThat(Frequency.parse("daily").slotsBetween(ANCHOR, LocalDate.of(2026, 12, 31), ANCHOR, 30))
                .hasSize(30);
    }

    @Test
    void theTextReadsBackToTheSameFrequency() {
        for (String s : List.of("quarterly", "monthly", "half-monthly", "weekly", "daily", "every 7 days")) {
            assertThat(Frequency.parse(Frequency.parse(s).text())).isEqualTo(Frequency.parse(s));
        }
    }
}
