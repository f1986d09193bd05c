package org.onegrid.staff.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.onegrid.staff.persistence.SecretRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts personal data at rest with AES-256-GCM.
 *
 * <p>The key is {@code onegrid.security.data-key} (base64, 32 bytes). Without it, a random key is generated on first
 * use and kept in the database, so that every node and every restart use the same one; that protects a copied data
 * column but not a full database dump, so production sets the property (from a secret store).
 *
 * <p>Ciphertext layout: format byte {@code 1}, the first 4 bytes of the key's SHA-256 (so a wrong key is reported as
 * such, not as corrupt data), a 12-byte random nonce, then the GCM ciphertext with its 16-byte tag. The caller's
 * {@code context} (e.g. {@code staff_user.phone}) is bound as associated data: a value copied into another column
 * does not decrypt.
 */
@Component
public class DataCipher {

    private static final Logger log = LoggerFactory.getLogger(DataCipher.class);
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + 4 + NONCE_BYTES;

    private final StaffSecurityProperties properties;
    private final SecretRows secrets;
    private final SecureRandom random = new SecureRandom();
    private volatile Key key;

    private record Key(SecretKey secret, byte[] fingerprint) {}

    DataCipher(StaffSecurityProperties properties, SecretRows secrets) {
        this.properties = properties;
        this.secrets = secrets;
    }

    public byte[] encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        Key k = key();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                    .put(FORMAT)
                    .put(k.fingerprint())
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(byte[] data, String context) {
        if (data == null) {
            return null;
        }
        Key k = key();
        if (data.length < HEADER_BYTES || data[0] != FORMAT) {
            throw new IllegalStateException("Not a OneGrid ciphertext (" + context + ")");
        }
        if (!Arrays.equals(data, 1, 5, k.fingerprint(), 0, 4)) {
            throw new IllegalStateException("Data in " + context
                    + " was encrypted with another key than the configured onegrid.security.data-key");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k.secret(), new GCMParameterSpec(TAG_BITS, data, 5, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, HEADER_BYTES, data.length - HEADER_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data in " + context + " does not decrypt: altered or misplaced", e);
        }
    }

    private Key key() {
        Key k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private Key load() {
        String encoded = properties.dataKey();
        if (!StringUtils.hasText(encoded)) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            encoded = secrets.getOrCreate("data-key", Base64.getEncoder().encodeToString(fresh));
            log.warn("onegrid.security.data-key is not set: personal data is encrypted with a key kept in the"
                    + " database itself. Set ONEGRID_DATA_KEY (base64 of 32 random bytes) in production.");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("onegrid.security.data-key is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "onegrid.security.data-key must be 32 bytes (base64), not " + raw.length + " bytes");
        }
        return new Key(new SecretKeySpec(raw, "AES"), Arrays.copyOf(sha256(raw), 4));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
