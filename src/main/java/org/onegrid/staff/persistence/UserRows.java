package org.onegrid.staff.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onegrid.staff.Employment;
import org.onegrid.staff.GridAssignmentView;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code staff_user}, {@code staff_user_role} and {@code grid_assignment} tables. */
@Repository
public class UserRows {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.org_id, u.phone_cipher, u.enabled, u.version, u.password_set_at,
                   o.name AS org_name, o.kind AS org_kind, o.region_code, o.region_path,
                   ARRAY(SELECT r.role FROM staff_user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
                   ARRAY(SELECT a.grid_code FROM grid_assignment a
                          WHERE a.user_id = u.id AND a.duty = 'GRID_WORKER' ORDER BY a.grid_code) AS grids
              FROM staff_user u JOIN organisation o ON o.id = u.org_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UserRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A user with the organisation it belongs to; the phone still encrypted. */
    public record UserRow(
            long id,
            String username,
            String displayName,
            long orgId,
            String orgName,
            OrgKind orgKind,
            String regionCode,
            String regionPath,
            Set<Role> roles,
            Set<String> grids,
            byte[] phoneCipher,
            boolean enabled,
            int version,
            Instant passwordSetAt) {

        public StaffPrincipal principal() {
            return new StaffPrincipal(
                    id, username, displayName, orgId, orgName, orgKind, regionCode, regionPath, roles, grids);
        }
    }

    /** What login needs to know about an account. */
    public record Credentials(long id, String username, String passwordHash, boolean enabled, Instant lockedUntil) {}

    /** A row to insert; {@code id} comes from {@link #nextIds(int)}. */
    public record NewUser(
            long id,
            String username,
            String displayName,
            long orgId,
            String passwordHash,
            byte[] phoneCipher,
            Set<Role> roles) {}

    /** A grid duty to insert. */
    public record NewAssignment(long userId, String gridCode, GridDuty duty, Employment employment) {}

    public Optional<UserRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = ?")
                .param(id)
                .query(UserRows::map)
                .optional();
    }

    /**
     * The user a bearer token belongs to, if the token is neither expired nor revoked and the account is enabled: one
     * query, since every API request asks it.
     */
    public Optional<UserRow> findByLiveToken(byte[] tokenHash, Instant now) {
        return jdbc.sql(SELECT + """
                         JOIN auth_token t ON t.user_id = u.id
                         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled
                        """)
                .params(tokenHash, Timestamp.from(now))
                .query(UserRows::map)
                .optional();
    }

    public Optional<UserRow> findInScope(long id, String scopePath) {
        return jdbc.sql(SELECT + " WHERE u.id = ? AND o.region_path LIKE ?")
                .params(id, Sql.startingWith(scopePath))
                .query(UserRows::map)
                .optional();
    }

    public Optional<UserRow> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = ?")
                .param(username)
                .query(UserRows::map)
                .optional();
    }

    /** Users in a scope, filtered; ordered by region, then username. */
    public Page page(String scopePath, Long orgId, Role role, String text, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE o.region_path LIKE :scope");
        params.put("scope", Sql.startingWith(scopePath));
        if (orgId != null) {
            where.append(" AND u.org_id = :org");
            params.put("org", orgId);
        }
        if (role != null) {
            where.append(" AND EXISTS (SELECT 1 FROM staff_user_role r WHERE r.user_id = u.id AND r.role = :role)");
            params.put("role", role.name());
        }
        if (text != null) {
            where.append(" AND (u.username LIKE :text OR u.display_name LIKE :text)");
            params.put("text", Sql.containing(text));
        }
        long total = jdbc.sql("SELECT count(*) FROM staff_user u JOIN organisation o ON o.id = u.org_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<UserRow> rows = jdbc.sql(
                        SELECT + where + " ORDER BY o.region_path, u.username LIMIT :limit OFFSET :offset")
                .params(params)
                .query(UserRows::map)
                .list();
        return new Page(rows, total);
    }

    public record Page(List<UserRow> rows, long total) {}

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT id, username, password_hash, enabled, locked_until FROM staff_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    /**
     * Counts one failed login; the failure that reaches {@code maxAttempts} locks the account until {@code
     * lockUntil} and starts the count again. One statement, so concurrent failures are all counted.
     *
     * @return the time the account is now locked until, if this failure locked it
     */
    public Optional<Instant> recordFailure(long userId, int maxAttempts, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE staff_user
                           SET failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 ELSE failed_attempts + 1 END,
                               locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                         WHERE id = :id
                     RETURNING locked_until = :until AS locked_now
                        """)
                .param("max", maxAttempts)
                .param("until", Timestamp.from(lockUntil))
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .filter(Boolean::booleanValue)
                .map(locked -> lockUntil);
    }

    public void recordSuccess(long userId) {
        jdbc.sql("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL"
                        + " WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param(userId)
                .update();
    }

    /** The user's row, locked until the transaction ends, so that a check and the change after it see one state. */
    public Optional<UserRow> lock(long id) {
        jdbc.sql("SELECT 1 FROM staff_user WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Integer.class)
                .optional();
        return find(id);
    }

    /**
     * Changes name and organisation, if the account is still at {@code version}; the version rises by one.
     *
     * @return whether the account was at that version (and is changed now)
     */
    public boolean update(long id, int version, String displayName, long orgId) {
        return jdbc.sql("UPDATE staff_user SET display_name = ?, org_id = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?")
                        .params(displayName, orgId, id, version)
                        .update()
                == 1;
    }

    public void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM staff_user_role WHERE user_id = ?").param(id).update();
        template.batchUpdate(
                "INSERT INTO staff_user_role (user_id, role) VALUES (?, ?)",
                roles.stream().map(r -> new Object[] {id, r.name()}).toList());
    }

    /** @return whether the account was at {@code version} (and is now enabled or disabled, one version up) */
    public boolean setEnabled(long id, int version, boolean enabled) {
        return jdbc.sql("UPDATE staff_user SET enabled = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(enabled, id, version)
                        .update()
                == 1;
    }

    /** A new password hash; also lifts a lockout, since a reset is how a locked-out user gets back in. */
    public void setPassword(long id, String passwordHash) {
        jdbc.sql("UPDATE staff_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
                        + " password_set_at = clock_timestamp() WHERE id = ?")
                .params(passwordHash, id)
                .update();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_user WHERE username = ?)")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_user_role WHERE role = ?)")
                .param(role.name())
                .query(Boolean.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single();
    }

    public List<Long> nextIds(int n) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('staff_user', 'id')) FROM generate_series(1, ?)")
                .param(n)
                .query(Long.class)
                .list();
    }

    /** Inserts users and their roles in batches. */
    public void insert(List<NewUser> users) {
        template.batchUpdate(
                "INSERT INTO staff_user (id, username, display_name, org_id, password_hash, phone_cipher)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                users,
                1000,
                (ps, user) -> {
                    ps.setLong(1, user.id());
                    ps.setString(2, user.username());
                    ps.setString(3, user.displayName());
                    ps.setLong(4, user.orgId());
                    ps.setString(5, user.passwordHash());
                    ps.setBytes(6, user.phoneCipher());
                });
        List<Object[]> roles = new ArrayList<>();
        for (NewUser user : users) {
            for (Role role : user.roles()) {
                roles.add(new Object[] {user.id(), role.name()});
            }
        }
        template.batchUpdate("INSERT INTO staff_user_role (user_id, role) VALUES (?, ?)", roles);
    }

    public void assign(List<NewAssignment> assignments) {
        template.batchUpdate(
                "INSERT INTO grid_assignment (user_id, grid_code, duty, employment) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                assignments,
                1000,
                (ps, a) -> {
                    ps.setLong(1, a.userId());
                    ps.setString(2, a.gridCode());
                    ps.setString(3, a.duty().name());
                    ps.setString(4, a.employment().name());
                });
    }

    public List<GridAssignmentView> assignmentsOfGrid(String gridCode) {
        return assignments(" WHERE a.grid_code = ?", gridCode);
    }

    public List<GridAssignmentView> assignmentsOfUser(long userId) {
        return assignments(" WHERE a.user_id = ?", userId);
    }

    private List<GridAssignmentView> assignments(String where, Object param) {
        return jdbc.sql("SELECT a.user_id, u.username, u.display_name, a.grid_code, a.duty, a.employment"
                        + " FROM grid_assignment a JOIN staff_user u ON u.id = a.user_id" + where
                        + " ORDER BY a.grid_code, a.duty, u.username")
                .param(param)
                .query((rs, n) -> new GridAssignmentView(
                        rs.getLong("user_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("grid_code"),
                        GridDuty.valueOf(rs.getString("duty")),
                        Employment.valueOf(rs.getString("employment"))))
                .list();
    }

    static UserRow map(ResultSet rs, int row) throws SQLException {
        return new UserRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getLong("org_id"),
                rs.getString("org_name"),
                OrgKind.valueOf(rs.getString("org_kind")),
                rs.getString("region_code"),
                rs.getString("region_path"),
                roles(rs.getArray("roles")),
                strings(rs.getArray("grids")),
                rs.getBytes("phone_cipher"),
                rs.getBoolean("enabled"),
                rs.getInt("version"),
                instant(rs.getTimestamp("password_set_at")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (array != null) {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(Role.valueOf((String) role));
            }
        }
        return roles;
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(List.of((String[]) array.getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
