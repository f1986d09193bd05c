package org.onegrid.integration.hotline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int HEADER_BYTES = 1 + 4 + NONCE_BYTES;

    private final String configuredKey;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;
    private volatile byte[] fingerprint;

    CallerCipher(@Value("${onegrid.security.data-key:}") String configuredKey, JdbcClient jdbc) {
        this.configuredKey = configuredKey;
        this.jdbc = jdbc;
    }

    byte[] encrypt(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        SecretKey k = key();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(phone.strip().getBytes(StandardCharsets.UTF_8));
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

    String decrypt(byte[] data) {
        if (data == null) {
            return null;
        }
        SecretKey k = key();
        if (data.length < HEADER_BYTES || data[0] != FORMAT || !Arrays.equals(data, 1, 5, fingerprint, 0, 4)) {
            throw new IllegalStateException("A caller's phone was encrypted with another key or is no ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, data, 5, NONCE_BYTES));
            cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, HEADER_BYTES, data.length - HEADER_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A caller's phone does not decrypt: altered or misplaced", e);
        }
    }

    /** The display form: {@code 138****1234}. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    private SecretKey key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] raw = Base64.getDecoder().decode(encodedKey().trim());
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
