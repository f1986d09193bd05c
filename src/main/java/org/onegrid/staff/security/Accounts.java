package org.onegrid.staff.security;

import java.util.Set;
import org.onegrid.staff.Role;
import org.onegrid.staff.UserCreated;
import org.onegrid.staff.persistence.LoginFailureRows;
import org.onegrid.staff.persistence.TokenRows;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.NewUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts, with no permission checks: callers (the admin API behind its checks, first-start setup,
 * the demo seed) decide who may. Hashes the password and encrypts the phone.
 */
@Service
public class Accounts {

    private final UserRows users;
    private final PasswordEncoder passwords;
    private final DataCipher cipher;
    private final ApplicationEventPublisher events;
    private final TokenRows tokens;
    private final LoginFailureRows failures;

    Accounts(
            UserRows users,
            PasswordEncoder passwords,
            DataCipher cipher,
            ApplicationEventPublisher events,
            TokenRows tokens,
            LoginFailureRows failures) {
        this.users = users;
        this.failures = failures;
        this.tokens = tokens;
        this.passwords = passwords;
        this.cipher = cipher;
        this.events = events;
    }

    /** @return the new user's id */
    @Transactional
    public long create(
            String username, String displayName, String rawPassword, long orgId, Set<Role> roles, String phone) {
        long id = users.nextIds(1).get(0);
        users.insert(java.util.List.of(new NewUser(
                id,
                username,
                displayName,
                orgId,
                passwords.encode(rawPassword),
                phone == null ? null : cipher.encrypt(phone, Phones.CONTEXT),
                roles)));
        events.publishEvent(new UserCreated(id, username, orgId, roles));
        return id;
    }

    /**
     * Gives an account a new password and lifts a lockout. Its API tokens are revoked, and its page sessions end at
     * their next request ({@link CurrentAccountFilter}): whoever knew the old password is signed out.
     */
    @Transactional
    public void setPassword(long userId, String rawPassword) {
        users.setPassword(userId, passwords.encode(rawPassword));
        failures.clearAll(userId);
        tokens.revokeAll(userId, java.time.Instant.now());
    }

    /** Revokes every API token of an account. */
    public void revokeTokens(long userId) {
        tokens.revokeAll(userId, java.time.Instant.now());
    }

    /** The masked phone number of a stored ciphertext. */
    public String maskedPhone(byte[] phoneCipher) {
        return Phones.mask(cipher.decrypt(phoneCipher, Phones.CONTEXT));
    }
}
