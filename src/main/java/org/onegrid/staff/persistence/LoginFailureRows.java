package org.onegrid.staff.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wrong passwords per account and source address ({@code login_failure}). */
@Repository
public class LoginFailureRows {

    private final JdbcClient jdbc;

    LoginFailureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when this source may not sign in as this account, if it is locked out now. */
    public Optional<Instant> lockedUntil(long userId, String source, Instant now) {
        return jdbc.sql("""
                        SELECT locked_until FROM login_failure
                         WHERE user_id = :user AND source = :source AND locked_until > :now
                        """)
                .param("user", userId)
                .param("source", source)
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Counts one wrong password from {@code source}; the one that reaches {@code maxAttempts} locks the source out of
     * the account until {@code lockUntil} and starts the count again. One statement, so concurrent failures all count.
     *
     * @return the time the source is now locked out until, if this failure locked it
     */
    public Optional<Instant> recordFailure(
            long userId, String source, int maxAttempts, Instant now, Instant lockUntil) {
        return jdbc.sql("""
                        INSERT INTO login_failure AS f (user_id, source, failures, locked_until, last_failed_at)
                        VALUES (:user, :source, CASE WHEN 1 >= :max THEN 0 ELSE 1 END,
                                CASE WHEN 1 >= :max THEN CAST(:until AS timestamptz) END, :now)
                        ON CONFLICT (user_id, source) DO UPDATE
                           SET failures = CASE WHEN f.failures + 1 >= :max THEN 0 ELSE f.failures + 1 END,
                               locked_until = CASE WHEN f.failures + 1 >= :max THEN :until ELSE f.locked_until END,
                               last_failed_at = :now
                        RETURNING COALESCE(f.locked_until = :until, false) AS locked_now
                        """)
                .param("user", userId)
                .param("source", source)
                .param("max", maxAttempts)
                .param("until", Timestamp.from(lockUntil))
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .optional()
                .filter(Boolean::booleanValue)
                .map(locked -> lockUntil);
    }

    /** A right password from {@code source}: its count starts again. */
    public void clear(long userId, String source) {
        jdbc.sql("DELETE FROM login_failure WHERE user_id = :user AND source = :source")
                .param("user", userId)
                .param("source", source)
                .update();
    }

    /** A new password set by an administrator: every source may try again. */
    public void clearAll(long userId) {
        jdbc.sql("DELETE FROM login_failure WHERE user_id = :user")
                .param("user", userId)
                .update();
    }
}
