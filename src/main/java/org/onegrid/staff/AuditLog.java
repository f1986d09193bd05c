package org.onegrid.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.onegrid.staff.persistence.AuditRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail 审计日志: sign-ins, failures, lockouts, sign-outs, and every view of personal data
 * (PIPL). Other modules call {@link #record(String, String)} when a user looks at someone's personal data.
 *
 * <p>Entries are written in their own transaction, so an audited access stays recorded even when the caller's
 * transaction rolls back. The table refuses updates and deletes.
 */
@Service
public class AuditLog {

    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_REFUSED_LOCKED = "LOGIN_REFUSED_LOCKED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    /** Too many wrong passwords from one address: that address may not sign in as the account for a while. */
    public static final String SOURCE_LOCKED = "LOGIN_SOURCE_LOCKED";

    public static final String LOGOUT = "LOGOUT";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String ADMIN_CREATED = "ADMIN_CREATED";
    public static final String USER_UPDATED = "USER_UPDATED";
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String USER_ENABLED = "USER_ENABLED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";

    private final AuditRows rows;

    AuditLog(AuditRows rows) {
        this.rows = rows;
    }

    /**
     * Records an event by the signed-in user (anonymous if none) from the current request's address.
     *
     * @param event what happened, upper-case, e.g. {@code PERSON_VIEWED}
     * @param detail what it concerned, e.g. the record's id; never the personal data itself
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String event, String detail) {
        StaffPrincipal user = Staff.currentIfAny().orElse(null);
        rows.append(
                user == null ? null : user.username(),
                user == null ? null : user.userId(),
                event,
                currentRemoteAddr(),
                detail);
    }

    /** Records an event by the given user, from the current request's address. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(StaffPrincipal actor, String event, String detail) {
        rows.append(actor.username(), actor.userId(), event, currentRemoteAddr(), detail);
    }

    /** Records an event with everything given explicitly (for sign-in, where no one is signed in yet). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, Long userId, String event, String remoteAddr, String detail) {
        rows.append(username, userId, event, remoteAddr, detail);
    }

    /** The latest entries about one username, newest first. */
    public List<AuditEntry> latest(String username, int limit) {
        return rows.latest(username, limit);
    }

    private static String currentRemoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
