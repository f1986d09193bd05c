package org.onegrid.staff.security;

import java.util.Set;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.persistence.UserRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator of a deployment without demo data, bound to the top region's centre. Refuses
 * once any administrator exists, also when two people submit setup at the same moment.
 */
@Service
public class FirstStart {

    private final UserRows users;
    private final Organisations organisations;
    private final Accounts accounts;
    private final SetupState state;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    FirstStart(
            UserRows users,
            Organisations organisations,
            Accounts accounts,
            SetupState state,
            AuditLog audit,
            JdbcClient jdbc) {
        this.users = users;
        this.organisations = organisations;
        this.accounts = accounts;
        this.state = state;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Setup was refused: an administrator exists already. */
    public static class AlreadySetUp extends RuntimeException {
        AlreadySetUp() {
            super("An administrator exists already");
        }
    }

    /** Setup was refused: the chosen username belongs to an existing (non-administrator) account. */
    public static class UsernameTaken extends RuntimeException {
        UsernameTaken(String username) {
            super("The username " + username + " is taken");
        }
    }

    /**
     * @throws AlreadySetUp when an administrator exists
     * @throws UsernameTaken when the username is taken
     */
    @Transactional
    public long createAdmin(String username, String rawPassword, String remoteAddr) {
        // serialises concurrent setups across nodes; released at commit
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('onegrid.staff.first-admin'))")
                .query()
                .singleValue();
        if (users.anyWithRole(Role.ADMIN)) {
            state.adminCreated();
            throw new AlreadySetUp();
        }
        if (users.exists(username)) {
            throw new UsernameTaken(username);
        }
        OrganisationView top = organisations.topCentre();
        long id = accounts.create(username, "系统管理员", rawPassword, top.id(), Set.of(Role.ADMIN), null);
        audit.record(username, id, AuditLog.ADMIN_CREATED, remoteAddr, "first administrator, in " + top.code());
        state.adminCreated();
        return id;
    }
}
