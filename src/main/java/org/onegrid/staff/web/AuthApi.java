package org.onegrid.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.security.AccountLockedException;
import org.onegrid.staff.security.Authenticator;
import org.onegrid.staff.security.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API sign-in and sign-out with opaque bearer tokens. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

    private final Authenticator authenticator;
    private final Tokens tokens;
    private final AuditLog audit;

    AuthApi(Authenticator authenticator, Tokens tokens, AuditLog audit) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.audit = audit;
    }

    record TokenRequest(String username, String password) {

        @Override
        public String toString() {
            return "TokenRequest[username=" + username + "]";
        }
    }

    /** A token for {@code Authorization: Bearer <token>}, valid until {@code expiresAt}. */
    record TokenResponse(String token, Instant expiresAt) {}

    /**
     * Signs in with username and password. 401 for a wrong pair; 423 with {@code lockedUntil} once too many wrong
     * passwords locked the account.
     */
    @PostMapping("/token")
    TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request) {
        if (body.username() == null || body.username().isBlank()) {
            throw Problems.invalid("username", "username is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw Problems.invalid("password", "password is required");
        }
        StaffPrincipal principal;
        try {
            principal = authenticator.authenticate(body.username(), body.password(), request.getRemoteAddr(), "token");
        } catch (AccountLockedException e) {
            throw Problems.of(
                    HttpStatus.LOCKED, "account-locked", e.getMessage(), Map.of("lockedUntil", e.lockedUntil()));
        } catch (DisabledException e) {
            throw Problems.of(HttpStatus.FORBIDDEN, "account-disabled", e.getMessage());
        } catch (BadCredentialsException e) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", e.getMessage());
        }
        Tokens.IssuedToken issued = tokens.issue(principal, request.getRemoteAddr());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    /** Revokes the bearer token this request carries; it is refused from now on. */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        StaffPrincipal user = Staff.current();
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).trim());
            audit.record(user.username(), user.userId(), AuditLog.LOGOUT, request.getRemoteAddr(), "token");
        } else if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
            audit.record(user.username(), user.userId(), AuditLog.LOGOUT, request.getRemoteAddr(), "session");
        }
        return ResponseEntity.noContent().build();
    }
}
