package org.onegrid.staff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataCipherTests {

    static DataCipher withKey(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return new DataCipher(
                new StaffSecurityProperties(
                        Base64.getEncoder().encodeToString(key), Duration.ofHours(12), 5, 50, Duration.ofMinutes(15)),
                null);
    }

    @Test
    void whatIsEncryptedDecryptsToTheSameText() {
        DataCipher cipher = withKey((byte) 1);
        byte[] sealed = cipher.encrypt("13812341234", Phones.CONTEXT);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("1234");
        assertThat(cipher.decrypt(sealed, Phones.CONTEXT)).isEqualTo("13812341234");
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTime() {
        DataCipher cipher = withKey((byte) 1);
        assertThat(cipher.encrypt("13812341234", Phones.CONTEXT))
                .isNotEqualTo(cipher.encrypt("13812341234", Phones.CONTEXT));
    }

    @Test
    void aValueCopiedIntoAnotherColumnDoesNotDecrypt() {
        DataCipher cipher = withKey((byte) 1);
        byte[] sealed = cipher.encrypt("13812341234", Phones.CONTEXT);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "person.phone")).hasMessageContaining("does not decrypt");
    }

    @Test
    void anAlteredValueDoesNotDecrypt() {
        DataCipher cipher = withKey((byte) 1);
        byte[] sealed = cipher.encrypt("13812341234", Phones.CONTEXT);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, Phones.CONTEXT)).hasMessageContaining("does not decrypt");
    }

    @Test
    void dataEncryptedUnderAnotherKeyIsReportedAsSuch() {
        byte[] sealed = withKey((byte) 1).encrypt("13812341234", Phones.CONTEXT);
        assertThatThrownBy(() -> withKey((byte) 2).decrypt(sealed, Phones.CONTEXT))
                .hasMessageContaining("another key");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        DataCipher cipher = new DataCipher(
                new StaffSecurityProperties(
                        Base64.getEncoder().encodeToString(new byte[16]),
                        Duration.ofHours(1),
                        5,
                        50,
                        Duration.ofMinutes(1)),
                null);
        assertThatThrownBy(() -> cipher.encrypt("x", Phones.CONTEXT)).hasMessageContaining("32 bytes");
    }

    @Test
    void phonesAreShownWithTheMiddleFourDigitsHidden() {
        assertThat(Phones.mask("13812341234")).isEqualTo("138****1234");
        assertThat(Phones.mask("123")).isEqualTo("***");
        assertThat(Phones.mask(null)).isNull();
    }
}
