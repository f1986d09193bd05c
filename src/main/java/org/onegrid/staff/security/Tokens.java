package org.onegrid.staff.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.persistence.TokenRows;
import org.onegrid.staff.persistence.UserRows;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens for the API and the mobile pages: 32 random bytes, base64url. Only their SHA-256 is stored,
 * with an expiry; a token can be revoked (sign-out) before it expires.
 */
@Service
public class Tokens {

    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 128;

    private final TokenRows rows;
    private final UserRows users;
    private final StaffSecurityProperties properties;
    private final SecureRandom random = new SecureRandom();

    Tokens(TokenRows rows, UserRows users, StaffSecurityProperties properties) {
        this.rows = rows;
        this.users = users;
        this.properties = properties;
    }

    public record IssuedToken(String token, Instant expiresAt) {}

    public IssuedToken issue(StaffPrincipal principal, String remoteAddr) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        Instant expiresAt = now.plus(properties.tokenTtl());
        rows.insert(hash(token), principal.userId(), now, expiresAt, remoteAddr);
        return new IssuedToken(token, expiresAt);
    }

    /** The user a live token belongs to, with their current organisation and roles. */
    public Optional<StaffPrincipal> authenticate(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return users.findByLiveToken(hash(token), Instant.now()).map(UserRows.UserRow::principal);
    }

    /** @return whether the token was live until now */
    public boolean revoke(String token) {
        return wellFormed(token) && rows.revoke(hash(token), Instant.now());
    }

    /** Forgets tokens that expired more than a day ago; revoked and expired tokens are refused anyway. */
    @Scheduled(cron = "${onegrid.security.token-purge-cron:0 23 3 * * *}")
    public void purgeExpired() {
        rows.deleteExpiredBefore(Instant.now().minus(Duration.ofDays(1)));
    }

    private static boolean wellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
    }

    private static byte[] hash(String token) {
        return DataCipher.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
