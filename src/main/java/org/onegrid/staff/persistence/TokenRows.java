package org.onegrid.staff.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code auth_token} table: SHA-256 hashes of bearer tokens, never the tokens. */
@Repository
public class TokenRows {

    private final JdbcClient jdbc;

    TokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] hash, long userId, Instant issuedAt, Instant expiresAt, String remoteAddr) {
        jdbc.sql("INSERT INTO auth_token (token_hash, user_id, issued_at, expires_at, remote_addr)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(hash, userId, Timestamp.from(issuedAt), Timestamp.from(expiresAt), remoteAddr)
                .update();
    }

    /** The user of a token that is neither expired nor revoked, and whose account is enabled. */
    public Optional<Long> activeUser(byte[] hash, Instant now) {
        return jdbc.sql("""
                        SELECT t.user_id FROM auth_token t JOIN staff_user u ON u.id = t.user_id
                         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled
                        """).params(hash, Timestamp.from(now)).query(Long.class).optional();
    }

    /** @return whether an active token was revoked */
    public boolean revoke(byte[] hash, Instant now) {
        return jdbc.sql("UPDATE auth_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
                        .params(Timestamp.from(now), hash)
                        .update()
                > 0;
    }

    /** Revokes every live token of a user (a new password, a disabled account). */
    public int revokeAll(long userId, Instant now) {
        return jdbc.sql("UPDATE auth_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), userId)
                .update();
    }

    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM auth_token WHERE expires_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
