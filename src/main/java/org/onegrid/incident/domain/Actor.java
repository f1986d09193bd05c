package org.onegrid.incident.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who acts on an incident (操作人) and for which organisation; every guard of {@link Incident} reads it.
 *
 * <p>The data scope (数据权限) is {@code regionPath}: the actor may act only on incidents whose region path starts
 * with it. Residents act for no organisation and have no region path; their rights come from being the
 * reporter.
 *
 * @param userId the user; 0 for the {@linkplain #SYSTEM system}
 * @param name the user's display name, kept in the history
 * @param role the one role the user acts in for this action
 * @param orgId the centre or department acted for; 0 for residents and the system
 * @param orgKind the kind of that organisation; null for residents and the system
 * @param regionPath the path of the region the organisation serves, e.g. {@code /3705/370502/370502001/};
 *     null for residents
 * @param gridCodes the grids a grid worker works in (网格), empty for everyone else
 */
public record Actor(
        long userId, String name, Role role, long orgId, OrgKind orgKind, String regionPath, Set<String> gridCodes) {

    /** The platform itself, acting everywhere, e.g. when a deadline passes. */
    public static final Actor SYSTEM = new Actor(0, "系统", Role.SYSTEM, 0, null, "/", Set.of());

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (regionPath != null) {
            RegionPaths.require(regionPath, "An actor's region path");
        }
        gridCodes = gridCodes == null ? Set.of() : Set.copyOf(gridCodes);
    }

    /** A dispatcher at a centre 综治中心坐席. */
    public static Actor dispatcher(long userId, String name, long centreId, String regionPath) {
        return new Actor(userId, name, Role.CENTRE_DISPATCHER, centreId, OrgKind.CENTRE, regionPath, Set.of());
    }

    /** A leader 领导, whose organisation is the centre of the region they lead. */
    public static Actor leader(long userId, String name, long centreId, String regionPath) {
        return new Actor(userId, name, Role.LEADER, centreId, OrgKind.CENTRE, regionPath, Set.of());
    }

    /** A handler in a department 部门处置人员. */
    public static Actor handler(long userId, String name, long departmentId, String regionPath) {
        return new Actor(userId, name, Role.DEPARTMENT_HANDLER, departmentId, OrgKind.DEPARTMENT, regionPath, Set.of());
    }

    /** A grid worker 网格员 of the village centre {@code centreId}, working in {@code gridCodes}. */
    public static Actor gridWorker(long userId, String name, long centreId, String regionPath, Set<String> gridCodes) {
        return new Actor(userId, name, Role.GRID_WORKER, centreId, OrgKind.CENTRE, regionPath, gridCodes);
    }

    /** A resident 群众 with an account. */
    public static Actor resident(long userId, String name) {
        return new Actor(userId, name, Role.RESIDENT, 0, null, null, Set.of());
    }

    /**
     * A resident without an account (群众, 匿名上报), known only by what they typed; as the reporter of a citizen report
     * they prove themselves by its tracking code (查询码), which the application checks before it builds this actor.
     */
    public static Actor anonymousResident(String name) {
        return new Actor(0, name, Role.RESIDENT, 0, null, null, Set.of());
    }

    /** Whether this is a resident without an account (see {@link #anonymousResident}). */
    public boolean isAnonymousResident() {
        return role == Role.RESIDENT && userId == 0;
    }

    /** Whether the incident region {@code path} lies in this actor's data scope. */
    public boolean covers(String path) {
        return RegionPaths.covers(regionPath, path);
    }

    public boolean actsFor(OrgKind kind, long organisation) {
        return orgKind == kind && orgId == organisation;
    }
}
