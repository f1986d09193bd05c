package org.onegrid.staff.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code onegrid.security.*}).
 *
 * @param dataKey base64 of the 32-byte AES key that encrypts personal data; when empty, a key is generated once
 *     and kept in the database (table {@code staff_secret})
 * @param tokenTtl how long an API token is valid
 * @param maxFailedAttempts consecutive wrong passwords from one source address that keep that address from signing in
 *     as the account for {@code lockDuration}
 * @param maxFailedAttemptsPerAccount consecutive wrong passwords from all addresses together that lock the account as
 *     a whole for {@code lockDuration}; much larger than {@code maxFailedAttempts}, so that someone who only knows a
 *     username cannot lock its owner out, while a guessing campaign from many addresses still stops
 * @param lockDuration how long a locked source (or account) stays locked
 */
@ConfigurationProperties("onegrid.security")
public record StaffSecurityProperties(
        String dataKey,
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("50") int maxFailedAttemptsPerAccount,
        @DefaultValue("15m") Duration lockDuration) {}
