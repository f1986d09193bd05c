package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.onegrid.shared.web.TextRules.Kind;
import org.springframework.web.ErrorResponseException;

class TextRulesTests {

    @Test
    void everyControlCharacterButTabAndLineBreaksIsRefused() {
        for (char c = 0; c < 0x20; c++) {
            String text = "噪音" + c + "扰民";
            if (c == '\t' || c == '\n' || c == '\r') {
                assertThat(TextRules.forbidden(text)).as("U+%04X", (int) c).isEqualTo(-1);
            } else {
                assertThat(TextRules.forbidden(text)).as("U+%04X", (int) c).isEqualTo(2);
            }
        }
    }

    @Test
    void nonCharactersAndUnpairedSurrogatesAreRefusedButPairedOnesAreText() {
        assertThat(TextRules.forbidden("a\uFFFE")).isEqualTo(1);
        assertThat(TextRules.forbidden("a\uFFFF")).isEqualTo(1);
        assertThat(TextRules.forbidden("a\uD800b")).isEqualTo(1);
        assertThat(TextRules.forbidden("a\uDC00")).isEqualTo(1);
        assertThat(TextRules.forbidden("路灯不亮😀，已拍照 𠀀")).isEqualTo(-1);
    }

    @Test
    void aRefusalNamesTheFieldTheCharacterAndWhere() {
        assertThatThrownBy(() -> TextRules.check("comment", "从微信粘贴\u000B的内容", Kind.COMMENT))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties()).containsEntry("field", "comment");
                    assertThat(e.getBody().getDetail()).contains("U+000B").contains("position 5");
                });
    }

    @Test
    void eachKindHasItsMaximumCountedInCharactersNotUtf16Units() {
        assertThat(TextRules.violation("街".repeat(Kind.ADDRESS.max()), Kind.ADDRESS))
                .isEmpty();
        assertThat(TextRules.violation("街".repeat(Kind.ADDRESS.max() + 1), Kind.ADDRESS))
                .hasValueSatisfying(why -> assertThat(why).contains("at most 500"));
        assertThat(TextRules.violation("😀".repeat(Kind.NAME.max()), Kind.NAME)).isEmpty();
        assertThatThrownBy(() -> TextRules.check("comment", "长".repeat(100_000), Kind.COMMENT))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("maxLength", 4_000));
    }

    @Test
    void aMissingTextIsNoViolation() {
        assertThat(TextRules.violation(null, Kind.CODE)).isEmpty();
        assertThat(TextRules.check("gridCode", null, Kind.CODE)).isNull();
    }
}
