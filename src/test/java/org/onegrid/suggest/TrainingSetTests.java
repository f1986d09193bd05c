package org.onegrid.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.suggest.model.Example;
import org.onegrid.suggest.model.TrainingSet;
import org.onegrid.suggest.persistence.SuggestRows.ExampleRow;

class TrainingSetTests {

    static List<Example> city(String item, int count) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Example(item, item + " 第" + i + "件"));
        }
        return out;
    }

    @Test
    void aCommonItemIsLearntFromItsMostWantedExamplesOnlyAndARareItemFromAllOfIts() {
        List<Example> byPreference = new ArrayList<>(city("CSGL-007", 500));
        byPreference.addAll(city("STHJ-002", 12));

        List<Example> sample = TrainingSet.balanced(byPreference, 300);

        assertThat(sample.stream().filter(e -> e.itemCode().equals("CSGL-007")))
                .hasSize(300)
                .containsExactlyElementsOf(byPreference.subList(0, 300));
        assertThat(sample.stream().filter(e -> e.itemCode().equals("STHJ-002"))).hasSize(12);
    }

    @Test
    void theCitysSampledExamplesCountSeveralTimesBesideTheCatalogAndCorpusOnce() {
        List<Example> base = List.of(new Example("CSGL-007", "路灯不亮"), new Example("STHJ-002", "焚烧秸秆"));

        List<Example> training = TrainingSet.of(base, city("CSGL-007", 5), 2, 3);

        assertThat(training).hasSize(2 + 2 * 3);
        assertThat(training.subList(0, 2)).isEqualTo(base);
        assertThat(training.subList(2, 8))
                .extracting(Example::text)
                .containsExactly(
                        "CSGL-007 第0件", "CSGL-007 第0件", "CSGL-007 第0件", "CSGL-007 第1件", "CSGL-007 第1件", "CSGL-007 第1件");
    }

    @Test
    void aDispatchersCorrectionsAreLearntBeforeConfirmationsAndTheNewestBeforeTheOldest() {
        List<ExampleRow> rows =
                List.of(row(1, "旧的确认", false), row(2, "旧的更正", true), row(3, "新的确认", false), row(4, "新的更正", true));

        assertThat(Learning.byPreference(rows))
                .extracting(Example::text)
                .containsExactly("新的更正", "旧的更正", "新的确认", "旧的确认");
    }

    static ExampleRow row(long id, String text, boolean corrected) {
        return new ExampleRow(
                id, text, "CSGL-007", corrected ? "CSGL-022" : "CSGL-007", corrected, null, Instant.EPOCH, 1, "");
    }

    @Test
    void withoutABoundEveryExampleIsKept() {
        assertThat(TrainingSet.balanced(city("CSGL-007", 700), 0)).hasSize(700);
    }
}
