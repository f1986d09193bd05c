package org.onegrid.integration.hotline;

import java.security.SecureRandom;
import java.util.Base64;
import org.onegrid.shared.crypto.SealedField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts the phone of a caller whose order waits for placement (personal data, PIPL): AES-256-GCM under the
 * configured data key ({@code onegrid.security.data-key}), in the platform's layout (format byte 1, 4 bytes of the
 * key's SHA-256, a 12-byte nonce, the ciphertext with its tag, the column bound as associated data). Without a
 * configured key, one is generated and kept in {@code hotline_secret}.
 */
@Component
class CallerCipher {

    private static final String CONTEXT = "hotline_order.caller_phone";

    private final String configuredKey;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final SealedField field;

    CallerCipher(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        this.configuredKey = configuredKey;
        this.jdbc = jdbc;
        this.field = new SealedField(this::encodedKey, CONTEXT, "A caller's phone");
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

    private String encodedKey() {
        if (StringUtils.hasText(configuredKey)) {
            return configuredKey;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.sql("INSERT INTO hotline_secret (name, value) VALUES ('data-key', :value) ON CONFLICT (name) DO NOTHING")
                .param("value", Base64.getEncoder().encodeToString(fresh))
                .update();
        return jdbc.sql("SELECT value FROM hotline_secret WHERE name = 'data-key'")
                .query(String.class)
                .single();
    }
}
