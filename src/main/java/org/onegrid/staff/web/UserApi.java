package org.onegrid.staff.web;

import java.net.URI;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.CreateUser;
import org.onegrid.staff.PageView;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.UpdateUser;
import org.onegrid.staff.UserView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users, limited to the caller's region subtree; phone numbers masked. */
@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    private final Staff staff;

    UserApi(Staff staff) {
        this.staff = staff;
    }

    /**
     * @param org only this organisation's users
     * @param role only users with this role
     * @param q only users whose username or name contains this
     */
    @GetMapping
    PageView<UserView> list(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) Long org,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        if (q != null && q.length() > 40) {
            throw Problems.invalid("q", "q must be at most 40 characters");
        }
        return staff.list(
                me,
                org,
                Paging.parse(Role.class, "role", role),
                q == null || q.isBlank() ? null : q.trim(),
                paging.page(),
                paging.size());
    }

    /** 404 also for a user outside the caller's scope. */
    @GetMapping("/{id}")
    UserView find(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return staff.findVisible(me, id).orElseThrow(() -> Problems.notFound("user", "" + id));
    }

    /** Administrators only. */
    @PostMapping
    ResponseEntity<UserView> create(@AuthenticationPrincipal StaffPrincipal me, @RequestBody CreateUser command) {
        UserView created = staff.create(command, me);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    /** A version read from the user, as {@code {"version": 3}}. */
    record VersionRequest(Integer version) {}

    /** A new password, as {@code {"password": "…"}}. */
    record PasswordRequest(String password) {}

    /**
     * Administrators, for users in their scope: name, organisation and roles, with the {@code version} read (409 with
     * the {@code current} account when someone changed it since).
     */
    @PutMapping("/{id}")
    UserView update(
            @AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestBody UpdateUser command) {
        return staff.update(id, command, me);
    }

    /** Administrators: the account can no longer sign in; its tokens and sessions stop working. */
    @PostMapping("/{id}/disable")
    UserView disable(
            @AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestBody VersionRequest request) {
        return staff.setEnabled(id, version(request), false, me);
    }

    @PostMapping("/{id}/enable")
    UserView enable(
            @AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestBody VersionRequest request) {
        return staff.setEnabled(id, version(request), true, me);
    }

    /** Administrators: sets a password to hand over in person; the user's tokens and sessions end. */
    @PostMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(
            @AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestBody PasswordRequest request) {
        staff.resetPassword(id, request == null ? null : request.password(), me);
        return ResponseEntity.noContent().build();
    }

    private static int version(VersionRequest request) {
        if (request == null || request.version() == null) {
            throw Problems.invalid("version", "version: 须带上读取时的版本号");
        }
        return request.version();
    }
}
