package org.onegrid.staff.security;

import org.onegrid.staff.Role;
import org.onegrid.staff.persistence.UserRows;
import org.springframework.stereotype.Component;

/**
 * Whether the platform has an administrator yet. Until it has, every page leads to first-start setup. Once an
 * administrator exists the answer is remembered: setup never reopens while the application runs.
 */
@Component
public class SetupState {

    private final UserRows users;
    private volatile boolean adminExists;

    SetupState(UserRows users) {
        this.users = users;
    }

    public boolean adminExists() {
        if (!adminExists) {
            adminExists = users.anyWithRole(Role.ADMIN);
        }
        return adminExists;
    }

    void adminCreated() {
        adminExists = true;
    }
}
