package org.onegrid.staff;

import java.util.Set;

/** A user account was created (by an administrator, by first-start setup, or by the demo seed). */
public record UserCreated(long userId, String username, long orgId, Set<Role> roles) {}
