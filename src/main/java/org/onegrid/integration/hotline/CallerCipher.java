package org.onegrid.integration.hotline;

import org.onegrid.shared.crypto.SealedField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts the phone of a caller whose order waits for placement (personal data, PIPL): AES-256-GCM under the
 * configured data key ({@code onegrid.security.data-key}), in the platform's layout (format byte 1, 4 bytes of the
 * key's SHA-256, a 12-byte nonce, the ciphertext with its tag, the column bound as associated data). Without a
 * configured key, one is generated and kept in {@code hotline_secret}.
 */
@Component
class CallerCipher {

    private static final String CONTEXT = "hotline_order.caller_phone";

    private final SealedField field;

    CallerCipher(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        this.field = new SealedField(
                SealedField.configuredOrKeptIn(configuredKey, jdbc, "hotline_secret"), CONTEXT, "A caller's phone");
    }

    byte[] encrypt(String phone) {
        return field.encrypt(phone);
    }

    String decrypt(byte[] data) {
        return field.decrypt(data);
    }

    /** The display form: {@code 138****1234}. */
    static String mask(String phone) {
        return SealedField.maskPhone(phone);
    }
}
