package org.onegrid.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.onegrid.shared.privacy.PersonalNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * One encrypted column of personal data (PIPL): AES-256-GCM in the platform's layout — format byte 1, 4 bytes of the
 * key's SHA-256, a 12-byte nonce, the ciphertext with its tag — with the column's name bound as associated data, so a
 * value moved to another column does not decrypt. The key (32 bytes, base64) is asked for once, on first use.
 */
public final class SealedField {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int HEADER_BYTES = 1 + 4 + NONCE_BYTES;

    private final Supplier<String> encodedKey;
    private final byte[] context;
    private final String what;
    /**
     * A cipher and a random source per thread: looking up a cipher and drawing from the shared system source on each
     * call cost more than the encryption itself when a bulk import seals millions of values on every core.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
    });

    private volatile SecretKey key;
    private volatile byte[] fingerprint;

    /**
     * @param encodedKey the key, base64 of 32 bytes
     * @param context the column, e.g. {@code incident.reporter_phone}
     * @param what what the column holds, for messages, e.g. {@code A reporter's phone}
     */
    public SealedField(Supplier<String> encodedKey, String context, String what) {
        this.encodedKey = encodedKey;
        this.context = context.getBytes(StandardCharsets.UTF_8);
        this.what = what;
    }

    /**
     * The key as a module asks for it: the configured one ({@code onegrid.security.data-key}) when there is one,
     * otherwise a key generated once and kept in the module's own secret table ({@code name, value}; the row {@code
     * data-key}), the first of several nodes to store it winning.
     */
    public static Supplier<String> configuredOrKeptIn(String configuredKey, JdbcClient jdbc, String secretTable) {
        if (StringUtils.hasText(configuredKey)) {
            return () -> configuredKey;
        }
        return () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO " + secretTable
                            + " (name, value) VALUES ('data-key', :value) ON CONFLICT (name) DO NOTHING")
                    .param("value", Base64.getEncoder().encodeToString(fresh))
                    .update();
            return jdbc.sql("SELECT value FROM " + secretTable + " WHERE name = 'data-key'")
                    .query(String.class)
                    .single();
        };
    }

    /** The sealed form of {@code text} (stripped), or null for none. */
    public byte[] encrypt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        SecretKey k = key();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.get().nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(text.strip().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                    .put(FORMAT)
                    .put(fingerprint)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(byte[] data) {
        if (data == null) {
            return null;
        }
        SecretKey k = key();
        if (data.length < HEADER_BYTES || data[0] != FORMAT || !Arrays.equals(data, 1, 5, fingerprint, 0, 4)) {
            throw new IllegalStateException(what + " was encrypted with another key or is no ciphertext");
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, data, 5, NONCE_BYTES));
            cipher.updateAAD(context);
            return new String(cipher.doFinal(data, HEADER_BYTES, data.length - HEADER_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(what + " does not decrypt: altered or misplaced", e);
        }
    }

    /** A phone number's display form: {@code 138****1234}; see {@link PersonalNumbers#phone}. */
    public static String maskPhone(String phone) {
        return PersonalNumbers.phone(phone);
    }

    private SecretKey key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] raw = Base64.getDecoder().decode(encodedKey.get().trim());
                    if (raw.length != 32) {
                        throw new IllegalStateException("onegrid.security.data-key must be 32 bytes (base64)");
                    }
                    try {
                        fingerprint = Arrays.copyOf(
                                MessageDigest.getInstance("SHA-256").digest(raw), 4);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                    key = new SecretKeySpec(raw, "AES");
                }
            }
        }
        return key;
    }
}
