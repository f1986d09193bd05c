package org.onegrid.incident.persistence;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 查询码: the code a resident without an account follows their report by. Eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), drawn by a {@link SecureRandom}: about 8.5 × 10¹¹ codes, so guessing one of a city's
 * codes takes far more requests than the public pages allow.
 */
@Repository
public class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    TrackingCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives the incident a fresh code (or keeps the one it has) and returns it. Most incidents are given theirs as
     * they are reported, so the code is set first and the one it has looked for only when that changed nothing.
     */
    public String assign(UUID incidentId) {
        while (true) {
            String code = fresh();
            int updated =
                    jdbc.sql("""
                            UPDATE incident SET tracking_code = :code WHERE id = :id AND tracking_code IS NULL
                               AND NOT EXISTS (SELECT 1 FROM incident WHERE tracking_code = :code)
                            """).param("code", code).param("id", incidentId).update();
            if (updated == 1) {
                return code;
            }
            Optional<String> existing = of(incidentId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
    }

    public Optional<String> of(UUID incidentId) {
        return jdbc.sql("SELECT tracking_code FROM incident WHERE id = :id AND tracking_code IS NOT NULL")
                .param("id", incidentId)
                .query(String.class)
                .optional();
    }

    /** The incident a code belongs to; case and surrounding spaces do not matter. */
    public Optional<UUID> find(String code) {
        String normal = normalise(code);
        if (normal == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM incident WHERE tracking_code = :code")
                .param("code", normal)
                .query(UUID.class)
                .optional();
    }

    /** The code in its stored form, or null if it cannot be one. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String normal = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (normal.length() != LENGTH) {
            return null;
        }
        for (char c : normal.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return normal;
    }

    private String fresh() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
