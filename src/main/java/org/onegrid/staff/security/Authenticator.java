package org.onegrid.staff.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.persistence.LoginFailureRows;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.Credentials;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password for every way of signing in (login form, API token), counts wrong passwords, and
 * audits each outcome. Wrong passwords are counted per account and source address (登录失败处理, MLPS level 3): a few
 * from one address keep that address out of the account for a while, and only a much larger count from all addresses
 * together locks the account itself, so that whoever knows a username cannot lock its owner out.
 */
@Service
public class Authenticator {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final UserRows users;
    private final PasswordEncoder passwords;
    private final StaffSecurityProperties properties;
    private final AuditLog audit;
    private final LoginFailureRows failures;
    private volatile String dummyHash;

    Authenticator(
            UserRows users,
            PasswordEncoder passwords,
            StaffSecurityProperties properties,
            AuditLog audit,
            LoginFailureRows failures) {
        this.users = users;
        this.failures = failures;
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
        String source = remoteAddr == null || remoteAddr.isBlank() ? "-" : remoteAddr;
        Instant now = Instant.now();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            audit.record(name, account.id(), AuditLog.LOGIN_REFUSED_LOCKED, remoteAddr, channel);
            throw locked(account.lockedUntil());
        }
        Optional<Instant> sourceLocked = failures.lockedUntil(account.id(), source, now);
        if (sourceLocked.isPresent()) {
            audit.record(name, account.id(), AuditLog.LOGIN_REFUSED_LOCKED, remoteAddr, channel + ": this address");
            throw locked(sourceLocked.get());
        }
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            throw wrongPassword(name, account, source, remoteAddr, channel, now);
        }
        if (!account.enabled()) {
            audit.record(name, account.id(), AuditLog.LOGIN_FAILED, remoteAddr, channel + ": account disabled");
            throw new DisabledException("账号已停用");
        }
        users.recordSuccess(account.id());
        failures.clear(account.id(), source);
        StaffPrincipal principal = users.find(account.id()).orElseThrow().principal();
        audit.record(name, account.id(), AuditLog.LOGIN, remoteAddr, channel);
        return principal;
    }

    /**
     * Counts a wrong password twice: for the account and this source address, whose count locks the address out of
     * the account ({@code max-failed-attempts}); and for the account as a whole, whose much larger count locks the
     * account for everyone ({@code max-failed-attempts-per-account}). Each lock is in the audit log, the account's with
     * what the administrator needs to know.
     */
    private RuntimeException wrongPassword(
            String name, Credentials account, String source, String remoteAddr, String channel, Instant now) {
        Instant until = now.plus(properties.lockDuration());
        audit.record(name, account.id(), AuditLog.LOGIN_FAILED, remoteAddr, channel + ": wrong password");
        Optional<Instant> accountLocked =
                users.recordFailure(account.id(), properties.maxFailedAttemptsPerAccount(), until);
        if (accountLocked.isPresent()) {
            audit.record(
                    name,
                    account.id(),
                    AuditLog.ACCOUNT_LOCKED,
                    remoteAddr,
                    properties.maxFailedAttemptsPerAccount() + " wrong passwords in a row from any address (the last"
                            + " from " + source + "): the account is locked for everyone until " + accountLocked.get()
                            + "; someone may be guessing its password, an administrator setting a new one lifts it");
            return locked(accountLocked.get());
        }
        Optional<Instant> sourceLocked =
                failures.recordFailure(account.id(), source, properties.maxFailedAttempts(), now, until);
        if (sourceLocked.isPresent()) {
            audit.record(
                    name,
                    account.id(),
                    AuditLog.SOURCE_LOCKED,
                    remoteAddr,
                    properties.maxFailedAttempts() + " wrong passwords from " + source
                            + ": this address may not sign in" + " as " + name + " until " + sourceLocked.get()
                            + "; other addresses still may");
            return locked(sourceLocked.get());
        }
        return new BadCredentialsException(BAD_CREDENTIALS);
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
