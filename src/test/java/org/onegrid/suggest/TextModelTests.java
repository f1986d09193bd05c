package org.onegrid.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onegrid.suggest.model.Corpus;
import org.onegrid.suggest.model.Evaluation;
import org.onegrid.suggest.model.Example;
import org.onegrid.suggest.model.Features;
import org.onegrid.suggest.model.Scored;
import org.onegrid.suggest.model.TextModel;
import org.onegrid.suggest.model.Trainer;

class TextModelTests {

    private static List<Example> corpus;
    private static TextModel model;

    @BeforeAll
    static void train() throws IOException {
        corpus = new ArrayList<>();
        for (String name : List.of("sample-CSGL.tsv", "sample-STHJ.tsv")) {
            try (InputStream in = TextModelTests.class.getResourceAsStream("/suggest/corpus/" + name)) {
                corpus.addAll(Corpus.read(in, name));
            }
        }
        model = Trainer.standard().train(corpus);
    }

    @Test
    void aComplaintInWordsNeverSeenFindsItsItemFirst() {
        assertThat(model.top("我家楼下那家川菜馆的排烟管直冲卧室，油烟味呛人", 3, c -> true).get(0).itemCode())
                .isEqualTo("CSGL-004");
        assertThat(model.top("路灯晚上不亮，黑乎乎的", 3, c -> true).get(0).itemCode()).isEqualTo("CSGL-007");
        assertThat(model.top("麦收以后地里又在烧秸秆，满村都是烟", 3, c -> true).get(0).itemCode())
                .isEqualTo("STHJ-002");
    }

    @Test
    void confidencesAreBetweenZeroAndOneAndTheLikeliestComesFirst() {
        List<Scored> top = model.top("垃圾好几天没人清运", 3, c -> true);
        assertThat(top).hasSize(3);
        assertThat(top).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
        assertThat(top.get(0).confidence()).isGreaterThanOrEqualTo(top.get(1).confidence());
        assertThat(top.get(1).confidence()).isGreaterThanOrEqualTo(top.get(2).confidence());
    }

    @Test
    void itemsNotAllowedAreNeverSuggested() {
        List<Scored> top = model.top("楼下饭店油烟太大", 3, c -> !c.equals("CSGL-004"));
        assertThat(top).extracting(Scored::itemCode).doesNotContain("CSGL-004");
    }

    @Test
    void aStoredModelAnswersAsTheTrainedOne() {
        TextModel back = TextModel.fromBytes(model.toBytes());
        String text = "工地扬尘太大，窗户上都是灰";
        assertThat(back.top(text, 3, c -> true)).isEqualTo(model.top(text, 3, c -> true));
    }

    @Test
    void phoneAndIdNumbersAndNamesNeverBecomeFeatures() {
        String text = "我叫王小明，电话13812345678，身份证370502199001011234，王先生家门口路灯不亮";
        String clean = Features.clean(text);
        assertThat(clean)
                .doesNotContain("13812345678", "370502199001011234", "王小明", "王先生")
                .contains("〔电话〕", "〔证件号〕", "〔姓名〕", "路灯不亮");
        assertThat(Features.of(text)).noneMatch(f -> f.contains("王") || f.contains("1234"));
    }

    @Test
    void evaluationCountsTopOneTopThreeAndTheConfusedPairs() {
        Evaluation e = Evaluation.of(
                model,
                List.of(
                        new Example("CSGL-004", "饭店油烟熏得受不了"),
                        new Example("CSGL-007", "路灯坏了不亮"),
                        new Example("CSGL-008", "工地扬尘太大")));
        assertThat(e.examples()).isEqualTo(3);
        assertThat(e.top1()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.confusions()).hasSize(1);
        assertThat(e.confusions().get(0).itemCode()).isEqualTo("CSGL-008");
        assertThat(e.confusions().get(0).suggested()).isEqualTo("STHJ-003");
    }
}
