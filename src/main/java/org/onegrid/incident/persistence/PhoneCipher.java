package org.onegrid.incident.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import org.onegrid.shared.crypto.SealedField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts reporters' phone numbers (personal data, PIPL) with AES-256-GCM, in the same layout and under the same
 * configured key ({@code onegrid.security.data-key}) as the staff module's personal data: format byte 1, 4 bytes of
 * the key's SHA-256, a 12-byte nonce, the ciphertext with its tag; the column name is bound as associated data.
 * Without a configured key, one is generated and kept in {@code incident_secret}.
 */
@Component
public class PhoneCipher {

    /** The associated-data label of {@code incident.reporter_phone}. */
    static final String CONTEXT = "incident.reporter_phone";

    private final String configuredKey;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final SealedField field;

    PhoneCipher(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        this.configuredKey = configuredKey;
        this.jdbc = jdbc;
        this.field = new SealedField(this::encodedKey, CONTEXT, "A reporter's phone");
    }

    public byte[] encrypt(String phone) {
        return field.encrypt(phone);
    }

    public String decrypt(byte[] data) {
        return field.decrypt(data);
    }

    /** The display form: {@code 138****1234}. */
    public static String mask(String phone) {
        return SealedField.maskPhone(phone);
    }

    private String encodedKey() {
        if (StringUtils.hasText(configuredKey)) {
            return configuredKey;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.sql("INSERT INTO incident_secret (name, value) VALUES ('data-key', :value) ON CONFLICT (name) DO NOTHING")
                .param("value", Base64.getEncoder().encodeToString(fresh))
                .update();
        return jdbc.sql("SELECT value FROM incident_secret WHERE name = 'data-key'")
                .query(String.class)
                .single();
    }
}
