package org.onegrid.staff.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.Credentials;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password for every way of signing in (login form, API token), counts wrong passwords,
 * locks an account after too many of them, and audits each outcome.
 */
@Service
public class Authenticator {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final UserRows users;
    private final PasswordEncoder passwords;
    private final StaffSecurityProperties properties;
    private final AuditLog audit;
    private volatile String dummyHash;

    Authenticator(UserRows users, PasswordEncoder passwords, StaffSecurityProperties properties, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * @param channel how the user signs in ({@code form}, {@code token}), kept in the audit trail
     * @throws BadCredentialsException for an unknown user or a wrong password
     * @throws AccountLockedException when the account is locked, or this attempt locked it
     * @throws DisabledException when the password is right but the account is disabled
     */
    public StaffPrincipal authenticate(String username, String password, String remoteAddr, String channel) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Optional<Credentials> found = name.isEmpty() ? Optional.empty() : users.credentials(name);
        if (found.isEmpty()) {
            // spend the time a real check takes, so response times do not tell which usernames exist
            passwords.matches(password == null ? "" : password, dummyHash());
            audit.record(name, null, AuditLog.LOGIN_FAILED, remoteAddr, channel + ": unknown user");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Credentials account = found.get();
        Instant now = Instant.now();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            audit.record(name, account.id(), AuditLog.LOGIN_REFUSED_LOCKED, remoteAddr, channel);
            throw locked(account.lockedUntil());
        }
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            Optional<Instant> lockedNow = users.recordFailure(
                    account.id(), properties.maxFailedAttempts(), now.plus(properties.lockDuration()));
            audit.record(name, account.id(), AuditLog.LOGIN_FAILED, remoteAddr, channel + ": wrong password");
            if (lockedNow.isPresent()) {
                audit.record(
                        name,
                        account.id(),
                        AuditLog.ACCOUNT_LOCKED,
                        remoteAddr,
                        properties.maxFailedAttempts() + " wrong passwords; locked until " + lockedNow.get());
                throw locked(lockedNow.get());
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!account.enabled()) {
            audit.record(name, account.id(), AuditLog.LOGIN_FAILED, remoteAddr, channel + ": account disabled");
            throw new DisabledException("账号已停用");
        }
        users.recordSuccess(account.id());
        StaffPrincipal principal = users.find(account.id()).orElseThrow().principal();
        audit.record(name, account.id(), AuditLog.LOGIN, remoteAddr, channel);
        return principal;
    }

    /** The message a locked account gets, e.g. 账号已锁定，请15分钟后再试. */
    public String lockedMessage() {
        return "账号已锁定，请" + properties.lockDuration().toMinutes() + "分钟后再试";
    }

    private AccountLockedException locked(Instant until) {
        return new AccountLockedException(lockedMessage(), until);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwords.encode("no such user, no such password");
            dummyHash = hash;
        }
        return hash;
    }
}
