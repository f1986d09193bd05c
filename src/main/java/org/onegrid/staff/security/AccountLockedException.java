package org.onegrid.staff.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Login refused: too many wrong passwords; the account is locked until {@link #lockedUntil()}. */
public class AccountLockedException extends LockedException {

    private final Instant lockedUntil;

    public AccountLockedException(String message, Instant lockedUntil) {
        super(message);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
