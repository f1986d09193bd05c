package org.onegrid.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BlindIndexTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theSameValueGivesTheSameIndexUnderOneKeyAndColumn() {
        BlindIndex index = new BlindIndex(() -> KEY, "registry_person.id_number");
        assertThat(index.of("370502199001011233"))
                .isEqualTo(index.of(" 370502199001011233 "))
                .hasSize(32);
        assertThat(index.of("370502199001011233")).isNotEqualTo(index.of("370502198506152424"));
        assertThat(index.of(" ")).isNull();
    }

    @Test
    void theIndexDependsOnTheKeyAndTheColumnAndIsNoPlainHash() throws Exception {
        byte[] id = new BlindIndex(() -> KEY, "registry_person.id_number").of("13812345678");
        assertThat(new BlindIndex(() -> KEY, "registry_person.phone").of("13812345678"))
                .isNotEqualTo(id);
        assertThat(new BlindIndex(() -> OTHER_KEY, "registry_person.id_number").of("13812345678"))
                .isNotEqualTo(id);
        assertThat(MessageDigest.getInstance("SHA-256").digest("13812345678".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(id);
    }
}
