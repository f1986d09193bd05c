package org.onegrid.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.persistence.OrganisationRows;
import org.onegrid.staff.persistence.OrganisationRows.NewOrganisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Centres 综治中心 and departments 职能部门: who serves which region. */
@Service
public class Organisations {

    /** Name of the organisation created at first start when no single city has been imported yet. */
    static final String PROVISIONAL_TOP = "市域治理运行管理中心";

    private final OrganisationRows rows;
    private final Regions regions;
    private final JdbcClient jdbc;

    Organisations(OrganisationRows rows, Regions regions, JdbcClient jdbc) {
        this.rows = rows;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    public Optional<OrganisationView> find(long id) {
        return rows.find(id);
    }

    public Optional<OrganisationView> findByCode(String code) {
        return rows.findByCode(code);
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
     * The branch of a department responsible for a place: the one at the deepest region above or at it. E.g. for
     * {@code ("chengguan", <a village of 东营区>)} 东营区城管执法局, and the city bureau where the county has no
     * branch.
     */
    public Optional<OrganisationView> department(String deptCode, String regionCode) {
        return regions.find(regionCode).flatMap(region -> rows.nearestDepartment(deptCode, region.path()));
    }

    /** An organisation as a user may see it: outside the user's scope it does not exist for them. */
    public Optional<OrganisationView> findVisible(StaffPrincipal viewer, long id) {
        return rows.findInScope(id, viewer.scopePath());
    }

    /**
     * The organisations in the viewer's scope, ordered by region.
     *
     * @param kind only this kind, or null for both
     * @param regionCode only those serving this region's subtree, or null for the whole scope
     */
    public PageView<OrganisationView> list(StaffPrincipal viewer, OrgKind kind, String regionCode, int page, int size) {
        String regionPath = null;
        if (regionCode != null) {
            regionPath = regions.find(regionCode)
                    .map(RegionView::path)
                    .orElseThrow(() -> Problems.invalid("region", "region " + regionCode + " does not exist"));
        }
        return rows.page(viewer.scopePath(), kind, regionPath, page, size);
    }

    /**
     * Gives every region a centre and brings the region paths of existing organisations up to date; run at start and
     * after every region import. Concurrent runs (several nodes) are serialised.
     *
     * @return the number of centres created
     */
    @Transactional
    public int ensureCentres() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('onegrid.staff.centres'))")
                .query()
                .singleValue();
        Map<String, String> existing = rows.centrePaths();
        List<RegionView> all = new ArrayList<>(regions.all());
        all.sort(Comparator.comparing((RegionView r) -> r.level()).thenComparing(RegionView::code));
        List<NewOrganisation> missing = new ArrayList<>();
        Map<String, String> paths = new HashMap<>();
        for (RegionView region : all) {
            paths.put(region.code(), region.path());
            if (!existing.containsKey(region.code())) {
                missing.add(new NewOrganisation(
                        OrgKind.CENTRE,
                        region.code() + ".centre",
                        centreName(region),
                        region.code(),
                        region.path(),
                        region.parentCode(),
                        null));
            }
        }
        rows.insert(missing);
        rows.updatePaths(paths);
        return missing.size();
    }

    /**
     * The organisation of the first administrator: the centre of the city when exactly one city has been imported,
     * otherwise a provisional top-level centre whose scope is everything.
     */
    @Transactional
    public OrganisationView topCentre() {
        List<RegionView> cities = regions.byLevel(RegionLevel.CITY);
        if (cities.size() == 1) {
            ensureCentres();
            return rows.centreOf(cities.get(0).code()).orElseThrow();
        }
        return rows.centreOf("").orElseGet(() -> {
            rows.insert(
                    List.of(new NewOrganisation(OrgKind.CENTRE, "top.centre", PROVISIONAL_TOP, "", "", null, null)));
            return rows.centreOf("").orElseThrow();
        });
    }

    /** 东营市综治中心, 大王镇综治中心, 花园社区综治中心, 北王屋村综治中心. */
    static String centreName(RegionView region) {
        return shortName(region) + "综治中心";
    }

    /** A village committee's place name: 北王屋村委会 → 北王屋村, 花园社区居民委员会 → 花园社区. */
    static String shortName(RegionView region) {
        String name = region.name();
        if (region.level() != RegionLevel.VILLAGE) {
            return name;
        }
        for (String suffix : List.of("村民委员会", "村委会")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                String place = name.substring(0, name.length() - suffix.length());
                return place.endsWith("村") ? place : place + "村";
            }
        }
        for (String suffix : List.of("居民委员会", "居民居委会", "居委会", "委员会")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
