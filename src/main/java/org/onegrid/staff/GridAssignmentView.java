package org.onegrid.staff;

/** One user's duty in one grid. */
public record GridAssignmentView(
        long userId, String username, String displayName, String gridCode, GridDuty duty, Employment employment) {}
