package org.onegrid.staff;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.UserRow;
import org.onegrid.staff.security.Accounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: who they are, where they belong, what grids they work; and who is signed in now. */
@Service
public class Staff {

    private final UserRows users;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Validator validator;
    private final Regions regions;

    Staff(
            UserRows users,
            Organisations organisations,
            Accounts accounts,
            AuditLog audit,
            Validator validator,
            Regions regions) {
        this.regions = regions;
        this.users = users;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
        this.validator = validator;
    }

    /** The signed-in user of the current request or task. */
    public static Optional<StaffPrincipal> currentIfAny() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * The signed-in user.
     *
     * @throws IllegalStateException when no one is signed in (a scheduled job, an unauthenticated request)
     */
    public static StaffPrincipal current() {
        return currentIfAny().orElseThrow(() -> new IllegalStateException("No user is signed in"));
    }

    public Optional<UserView> find(long id) {
        return users.find(id).map(this::view);
    }

    public Optional<UserView> findByUsername(String username) {
        return users.findByUsername(username).map(this::view);
    }

    /** The principal a user would have when signed in, for work done on their behalf. */
    public Optional<StaffPrincipal> principal(long userId) {
        return users.find(userId).map(UserRow::principal);
    }

    /** Whether a region lies in a user's scope; false for an unknown region. */
    public boolean canSee(StaffPrincipal user, String regionCode) {
        return regions.find(regionCode).map(user::canSee).orElse(false);
    }

    /**
     * A user as another user may see them: outside the viewer's scope they do not exist. A resident reads no staff
     * profiles (as the list refuses them), only their own: every other id answers as one that does not exist, so that
     * counting through the sequential ids tells a resident nothing.
     */
    public Optional<UserView> findVisible(StaffPrincipal viewer, long id) {
        if (isOnlyResident(viewer) && id != viewer.userId()) {
            return Optional.empty();
        }
        return users.findInScope(id, viewer.scopePath()).map(this::view);
    }

    /**
     * The users in the viewer's scope, ordered by region and username. Residents may not browse staff.
     *
     * @param orgId only this organisation's users, or null
     * @param role only users with this role, or null
     * @param text only users whose username or name contains this, or null
     */
    public PageView<UserView> list(StaffPrincipal viewer, Long orgId, Role role, String text, int page, int size) {
        if (isOnlyResident(viewer)) {
            throw Problems.forbidden("群众账号不能查看工作人员名录");
        }
        UserRows.Page found = users.page(viewer.scopePath(), orgId, role, text, page, size);
        return new PageView<>(found.rows().stream().map(this::view).toList(), page, size, found.total());
    }

    private static boolean isOnlyResident(StaffPrincipal viewer) {
        return viewer.roles().equals(Set.of(Role.RESIDENT));
    }

    /** Who works a grid: its workers, leader and deputy leaders. */
    public List<GridAssignmentView> gridStaff(String gridCode) {
        return users.assignmentsOfGrid(gridCode);
    }

    /** The grids a user works in. */
    public List<GridAssignmentView> gridsOf(long userId) {
        return users.assignmentsOfUser(userId);
    }

    /**
     * Creates a user. Only administrators may, and only in an organisation within their scope.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for anyone else or outside the scope, 400 naming the
     *     invalid field, 409 when the username is taken; nothing is created then
     */
    public UserView create(CreateUser command, StaffPrincipal actor) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw Problems.forbidden("只有管理员可以创建用户");
        }
        validate(command);
        OrganisationView org = organisations
                .find(command.orgId())
                .orElseThrow(() -> Problems.invalid("orgId", "组织 " + command.orgId() + " 不存在"));
        if (organisations.findVisible(actor, org.id()).isEmpty()) {
            throw Problems.forbidden("组织 " + org.name() + " 不在您的管辖范围内");
        }
        if (users.exists(command.username())) {
            throw usernameTaken(command.username());
        }
        long id;
        try {
            id = accounts.create(
                    command.username(),
                    command.displayName().trim(),
                    command.password(),
                    org.id(),
                    command.roles(),
                    command.phone());
        } catch (DuplicateKeyException e) {
            throw usernameTaken(command.username());
        }
        audit.record(actor, AuditLog.USER_CREATED, command.username() + " in " + org.code() + " as " + command.roles());
        return find(id).orElseThrow();
    }

    /**
     * Changes a user's name, organisation and roles, if nobody changed the account since the caller read {@code
     * command.version()}. Administrators only, for users in their scope, into organisations in their scope; an
     * administrator cannot take the administrator role from themselves. The user's next request runs with the new
     * roles and scope. Audited.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for anyone else or an organisation outside the scope,
     *     404 for a user outside it, 400 naming the invalid field, 409 when the account changed since (with {@code
     *     current}: the account now, to compare with what the caller read); nothing is changed then
     */
    @Transactional
    public UserView update(long id, UpdateUser command, StaffPrincipal actor) {
        requireAdmin(actor, "只有管理员可以修改用户");
        UserRow current = lockVisible(id, actor);
        validate(command);
        OrganisationView org = organisations
                .find(command.orgId())
                .orElseThrow(() -> Problems.invalid("orgId", "组织 " + command.orgId() + " 不存在"));
        if (organisations.findVisible(actor, org.id()).isEmpty()) {
            throw Problems.of(
                    HttpStatus.FORBIDDEN, "forbidden", "组织 " + org.name() + " 不在您的管辖范围内", Map.of("field", "orgId"));
        }
        if (id == actor.userId() && !command.roles().contains(Role.ADMIN)) {
            throw Problems.invalid("roles", "不能取消自己的管理员角色，请由另一位管理员操作");
        }
        if (current.version() != command.version().intValue()) {
            throw stale(current, command.version());
        }
        String name = command.displayName().strip();
        List<String> changes = new java.util.ArrayList<>();
        if (!name.equals(current.displayName())) {
            changes.add("displayName");
        }
        if (org.id() != current.orgId()) {
            changes.add("org " + current.orgId() + "→" + org.code());
        }
        if (!command.roles().equals(current.roles())) {
            changes.add("roles " + current.roles() + "→" + command.roles());
        }
        if (changes.isEmpty()) {
            return view(current);
        }
        if (!users.update(id, command.version(), name, org.id())) {
            throw stale(users.find(id).orElseThrow(), command.version());
        }
        users.replaceRoles(id, command.roles());
        audit.record(actor, AuditLog.USER_UPDATED, current.username() + ": " + String.join("; ", changes));
        return find(id).orElseThrow();
    }

    /**
     * Disables an account (it cannot sign in, its tokens stop working and its sessions end at their next request) or
     * enables it again, if nobody changed it since {@code version}. Administrators only, in their scope, never their
     * own account. Audited.
     *
     * @throws org.springframework.web.ErrorResponseException 403, 404 as for {@link #update}, 400 for one's own
     *     account, 409 when the account changed since {@code version}
     */
    @Transactional
    public UserView setEnabled(long id, int version, boolean enabled, StaffPrincipal actor) {
        requireAdmin(actor, "只有管理员可以停用或启用账号");
        UserRow current = lockVisible(id, actor);
        if (id == actor.userId() && !enabled) {
            throw Problems.invalid("enabled", "不能停用自己的账号");
        }
        if (current.version() != version) {
            throw stale(current, version);
        }
        if (current.enabled() == enabled) {
            return view(current);
        }
        users.setEnabled(id, version, enabled);
        if (!enabled) {
            accounts.revokeTokens(id);
        }
        audit.record(actor, enabled ? AuditLog.USER_ENABLED : AuditLog.USER_DISABLED, current.username());
        return find(id).orElseThrow();
    }

    /**
     * Sets a new password for a user, to be handed over in person; lifts a lockout, revokes the user's API tokens and
     * ends their page sessions. Administrators only, in their scope. Audited (never the password).
     *
     * @throws org.springframework.web.ErrorResponseException 403, 404 as for {@link #update}, 400 naming {@code
     *     password} when it is too weak
     */
    @Transactional
    public void resetPassword(long id, String password, StaffPrincipal actor) {
        requireAdmin(actor, "只有管理员可以重置密码");
        UserRow current = lockVisible(id, actor);
        if (password == null || !password.matches(CreateUser.PASSWORD)) {
            throw Problems.invalid("password", "至少10位，须同时包含字母和数字");
        }
        accounts.setPassword(id, password);
        audit.record(actor, AuditLog.PASSWORD_RESET, current.username());
    }

    private static void requireAdmin(StaffPrincipal actor, String message) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw Problems.forbidden(message);
        }
    }

    /** The user's row, locked; a user outside the actor's scope does not exist for them. */
    private UserRow lockVisible(long id, StaffPrincipal actor) {
        users.findInScope(id, actor.scopePath()).orElseThrow(() -> Problems.notFound("user", "" + id));
        return users.lock(id).orElseThrow(() -> Problems.notFound("user", "" + id));
    }

    private RuntimeException stale(UserRow now, int read) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "conflict",
                "用户 " + now.username() + " 已被他人修改（您修改的是第 " + read + " 版，当前为第 " + now.version() + " 版）",
                Map.of("field", "version", "currentVersion", now.version(), "current", view(now)));
    }

    private void validate(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (violations.isEmpty()) {
            return;
        }
        List<Map<String, String>> errors = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        Map<String, String> first = errors.get(0);
        throw Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                first.get("field") + ": " + first.get("message"),
                Map.of("field", first.get("field"), "errors", errors));
    }

    private static RuntimeException usernameTaken(String username) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "用户名 " + username + " 已存在", Map.of("field", "username"));
    }

    private UserView view(UserRow row) {
        return new UserView(
                row.id(),
                row.username(),
                row.displayName(),
                row.orgId(),
                row.orgName(),
                row.orgKind(),
                row.regionCode(),
                row.roles(),
                row.phoneCipher() == null ? null : accounts.maskedPhone(row.phoneCipher()),
                row.enabled(),
                row.version());
    }
}
