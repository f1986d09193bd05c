package org.onegrid.dispute.persistence;

import org.onegrid.shared.crypto.SealedField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals the parties' names, identity numbers and phones (personal data, PIPL) with the platform's one cipher, under
 * the configured key ({@code onegrid.security.data-key}) or one kept in {@code dispute_secret}.
 */
@Component
class PartyCipher {

    private final SealedField field;

    PartyCipher(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        this.field = new SealedField(
                SealedField.configuredOrKeptIn(configuredKey, jdbc, "dispute_secret"),
                "dispute_party",
                "A dispute party's personal data");
    }

    byte[] seal(String text) {
        return field.encrypt(text);
    }

    String open(byte[] data) {
        return field.decrypt(data);
    }
}
