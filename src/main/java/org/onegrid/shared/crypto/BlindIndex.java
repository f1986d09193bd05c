package org.onegrid.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index of one encrypted column: HMAC-SHA256 of the normalised value, so an exact look-up (an ID number,
 * a phone) finds the row without decrypting every row, and the table alone tells nothing — unlike a plain hash, the
 * index cannot be rebuilt by hashing every possible ID number without the key. The index key is derived from the
 * data key that {@link SealedField} encrypts with (HMAC-SHA256 of the data key over {@code "blind-index:" +
 * context}), so there is no second key to keep, and each column's index differs from every other's.
 */
public final class BlindIndex {

    private final Supplier<String> encodedKey;
    private final String context;
    private volatile SecretKeySpec key;

    /** A keyed MAC per thread: looking one up and keying it on each call cost more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    });

    /**
     * @param encodedKey the data key, base64 of 32 bytes, as given to {@link SealedField}
     * @param context the column, e.g. {@code registry_person.id_number}
     */
    public BlindIndex(Supplier<String> encodedKey, String context) {
        this.encodedKey = encodedKey;
        this.context = context;
    }

    /** The index of {@code value} (stripped; the caller normalises case and format), or null for none. */
    public byte[] of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return macs.get().doFinal(value.strip().getBytes(StandardCharsets.UTF_8));
    }

    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] raw = Base64.getDecoder().decode(encodedKey.get().trim());
                    if (raw.length != 32) {
                        throw new IllegalStateException("onegrid.security.data-key must be 32 bytes (base64)");
                    }
                    byte[] derived = hmac(
                            new SecretKeySpec(raw, "HmacSHA256"),
                            ("blind-index:" + context).getBytes(StandardCharsets.UTF_8));
                    key = new SecretKeySpec(derived, "HmacSHA256");
                }
            }
        }
        return key;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
