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
 * @param maxFailedAttempts consecutive wrong passwords that lock an account
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("onegrid.security")
public record StaffSecurityProperties(
        String dataKey,
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration) {}
