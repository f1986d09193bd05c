package org.onegrid.staff;

import java.util.List;
import java.util.Optional;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.persistence.OrganisationRows;
import org.springframework.stereotype.Service;

/** Centres 综治中心 and departments 职能部门: who serves which region. */
@Service
public class Organisations {

    private final OrganisationRows rows;

    Organisations(OrganisationRows rows) {
        this.rows = rows;
    }

    public Optional<OrganisationView> find(long id) {
        return rows.find(id);
    }

    /** The centre of a region (city, county, town or village). */
    public Optional<OrganisationView> centreOf(String regionCode) {
        return rows.centreOf(regionCode);
    }

    /** The departments (or department branches) serving exactly this region, e.g. a county's branches. */
    public List<OrganisationView> departments(String regionCode) {
        return rows.departmentsOf(regionCode);
    }

    /**
     * The branch of a department responsible for a place: the one at the deepest level above or at the region, e.g.
     * {@code department("chengguan", "370502001001")} is 东营区城管执法局, and the city bureau where a county has no
     * branch.
     */
    public Optional<OrganisationView> department(String deptCode, String regionCode) {
        return rows.nearestDepartment(deptCode, regionCode);
    }

    /** An organisation as a user may see it: outside the user's scope it does not exist for them. */
    public Optional<OrganisationView> findVisible(StaffPrincipal viewer, long id) {
        return rows.find(id).filter(org -> viewer.canSee(org.regionCode()));
    }

    /**
     * The organisations in the viewer's scope.
     *
     * @param kind only this kind, or null for both
     * @param region only within this region's subtree, or null for the whole scope
     */
    public PageView<OrganisationView> list(StaffPrincipal viewer, OrgKind kind, String region, int page, int size) {
        if (region != null && !region.matches("[0-9]{2,12}")) {
            throw Problems.invalid("region", "region must be a region code of 2 to 12 digits");
        }
        return rows.page(viewer.regionCode(), kind, region, page, size);
    }
}
