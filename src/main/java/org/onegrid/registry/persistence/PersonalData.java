package org.onegrid.registry.persistence;

import java.util.function.Supplier;
import org.onegrid.shared.crypto.BlindIndex;
import org.onegrid.shared.crypto.SealedField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's personal data (PIPL) at rest: each column sealed with the platform's one cipher ({@link
 * SealedField}, AES-256-GCM, the column bound as associated data) under the configured data key ({@code
 * onegrid.security.data-key}, else one kept in {@code registry_secret}); ID numbers and phones also as keyed blind
 * indexes ({@link BlindIndex}) for exact look-ups.
 */
@Component
public class PersonalData {

    final SealedField name;
    final SealedField idNumber;
    final SealedField phone;
    final SealedField address;
    final BlindIndex idNumberIndex;
    final BlindIndex phoneIndex;

    PersonalData(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        Supplier<String> key = SealedField.configuredOrKeptIn(configuredKey, jdbc, "registry_secret");
        Supplier<String> once = memoised(key);
        this.name = new SealedField(once, "registry_person.name", "A person's name");
        this.idNumber = new SealedField(once, "registry_person.id_number", "A person's ID number");
        this.phone = new SealedField(once, "registry_person.phone", "A person's phone");
        this.address = new SealedField(once, "registry_person.address", "A person's address");
        this.idNumberIndex = new BlindIndex(once, "registry_person.id_number");
        this.phoneIndex = new BlindIndex(once, "registry_person.phone");
    }

    /** The index an ID number (normalised) is found by. */
    public byte[] idNumberIndex(String normalisedIdNumber) {
        return idNumberIndex.of(normalisedIdNumber);
    }

    /** The index a phone (normalised) is found by. */
    public byte[] phoneIndex(String normalisedPhone) {
        return phoneIndex.of(normalisedPhone);
    }

    /** A name sealed for {@code registry_person.name_sealed}; for the bulk import, which writes with COPY. */
    public byte[] sealName(String name) {
        return this.name.encrypt(name);
    }

    /** An ID number (normalised) sealed for {@code registry_person.id_number_sealed}. */
    public byte[] sealIdNumber(String normalisedIdNumber) {
        return idNumber.encrypt(normalisedIdNumber);
    }

    /** A phone (normalised) sealed for {@code registry_person.phone_sealed}. */
    public byte[] sealPhone(String normalisedPhone) {
        return phone.encrypt(normalisedPhone);
    }

    /** An address text sealed for {@code registry_person.address_sealed}. */
    public byte[] sealAddress(String text) {
        return address.encrypt(text);
    }

    private static Supplier<String> memoised(Supplier<String> key) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                if (value == null) {
                    value = key.get();
                }
                return value;
            }
        };
    }
}
