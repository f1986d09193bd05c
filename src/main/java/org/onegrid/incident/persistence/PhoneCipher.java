package org.onegrid.incident.persistence;

import org.onegrid.shared.crypto.SealedField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    private final SealedField field;

    PhoneCipher(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        this.field = new SealedField(
                SealedField.configuredOrKeptIn(configuredKey, jdbc, "incident_secret"), CONTEXT, "A reporter's phone");
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
}
