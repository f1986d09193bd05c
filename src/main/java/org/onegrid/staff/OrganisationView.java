package org.onegrid.staff;

/**
 * A centre or a department.
 *
 * @param regionCode the region the organisation serves; its subtree is the data scope of its users
 * @param parentId the centre of the parent region, or for a county branch the city department; null at the top
 * @param deptCode a department's short code (the same for the city department and its county branches), null
 *     for centres
 */
public record OrganisationView(
        long id, OrgKind kind, String code, String name, String regionCode, Long parentId, String deptCode) {}
