package org.onegrid.incident.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.incident.domain.CatalogTerms;
import org.onegrid.incident.domain.Level;
import org.onegrid.incident.domain.SupervisionOrder;
import org.onegrid.worktime.TimeMode;

/** The JSON columns read back exactly what was written, however often and however PostgreSQL spells them. */
class StoredJsonTests {

    static CatalogTerms terms(String itemName, long handleHours) {
        return new CatalogTerms(
                "MDJF-010",
                itemName,
                List.of("chengguan", "gongan"),
                Level.GRID,
                TimeLimit.workingHours(2),
                new TimeLimit(Duration.ofHours(handleHours), TimeMode.WORKING),
                TimeLimit.naturalHours(8),
                false,
                true,
                false);
    }

    /** The terms as a {@code jsonb} column gives them back: keys reordered, spaces added. */
    static String asJsonb(CatalogTerms t) {
        return "{\"handle\": {\"mode\": \"" + t.handle().mode() + "\", \"duration\": \""
                + t.handle().duration()
                + "\"}, \"accept\": {\"mode\": \"WORKING\", \"duration\": \"PT2H\"}, \"verify\": {\"mode\": \"NATURAL\","
                + " \"duration\": \"PT8H\"}, \"itemCode\": \"MDJF-010\", \"itemName\": \"" + t.itemName() + "\","
                + " \"emergency\": true, \"normalLevel\": \"GRID\", \"jointAllowed\": false, \"departmentCodes\":"
                + " [\"chengguan\", \"gongan\"], \"autoEscalateOnOverdue\": false}";
    }

    @Test
    void termsAreReadBackAsWrittenAndAsPostgresqlSpellsThem() {
        CatalogTerms written = terms("噪音扰民", 16);

        assertThat(StoredJson.terms(StoredJson.terms(written))).isEqualTo(written);
        assertThat(StoredJson.terms(asJsonb(written))).isEqualTo(written);
    }

    @Test
    void incidentsOfTheSameItemVersionShareOneDecodedTerms() {
        String stored = asJsonb(terms("占道经营", 24));

        CatalogTerms first = StoredJson.terms(stored);
        CatalogTerms again = StoredJson.terms(new String(stored.toCharArray()));

        assertThat(again).isSameAs(first).isEqualTo(terms("占道经营", 24));
        assertThat(StoredJson.terms(terms("占道经营", 24))).isSameAs(StoredJson.terms(terms("占道经营", 24)));
    }

    @Test
    void termsOfAnEditedItemAreReadAsTheyNowAreWhileTheEarlierOnesStayAsTheyWere() {
        CatalogTerms before = terms("乱堆乱放", 16);
        CatalogTerms after = terms("乱堆乱放（修订）", 24);
        String storedBefore = asJsonb(before);
        StoredJson.terms(storedBefore);

        assertThat(StoredJson.terms(asJsonb(after))).isEqualTo(after);
        assertThat(StoredJson.terms(StoredJson.terms(after))).isEqualTo(after);
        assertThat(StoredJson.terms(storedBefore)).isEqualTo(before);
    }

    @Test
    void aCatalogOfManyMoreItemsThanAreKeptIsStillReadRight() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < StoredJson.TERMS_KEPT + 100; i++) {
                CatalogTerms t = terms("事项" + i, 1 + i % 50);
                assertThat(StoredJson.terms(asJsonb(t))).isEqualTo(t);
                assertThat(StoredJson.terms(StoredJson.terms(t))).isEqualTo(t);
            }
        }
        assertThat(StoredJson.termsKept()).isLessThanOrEqualTo(2 * StoredJson.TERMS_KEPT);
    }

    @Test
    void noSupervisionOrdersAreWrittenAndReadAsAnEmptyListAndSomeAsThemselves() {
        assertThat(StoredJson.supervisions(List.of())).isEqualTo("[]");
        assertThat(StoredJson.supervisions("[]")).isEmpty();

        SupervisionOrder order = new SupervisionOrder(
                1,
                7,
                1000,
                "今日内反馈",
                Instant.parse("2026-03-09T01:20:00Z"),
                Instant.parse("2026-03-09T09:20:00Z"),
                null,
                null,
                null);
        assertThat(StoredJson.supervisions(StoredJson.supervisions(List.of(order))))
                .containsExactly(order);
    }
}
