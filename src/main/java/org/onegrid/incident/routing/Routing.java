package org.onegrid.incident.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.onegrid.incident.domain.Centre;
import org.onegrid.incident.domain.Department;
import org.onegrid.incident.domain.Level;
import org.onegrid.region.Location;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.region.RegionsImported;
import org.onegrid.region.RegionsReloaded;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who is where (分拨): the centre 综治中心 that owns a new incident, a centre's parent, the branch of a department
 * serving a place. Centres and departments change rarely, so they are kept in memory once looked up and forgotten
 * when regions are imported again.
 */
@Component
public class Routing {

    private final Organisations organisations;
    private final Regions regions;
    private final Map<String, Optional<Centre>> centresByRegion = new ConcurrentHashMap<>();
    private final Map<Long, Optional<Centre>> centresById = new ConcurrentHashMap<>();
    private final Map<String, Optional<Department>> departments = new ConcurrentHashMap<>();
    private final Map<Long, Optional<String>> names = new ConcurrentHashMap<>();

    Routing(Organisations organisations, Regions regions) {
        this.organisations = organisations;
        this.regions = regions;
    }

    /**
     * The centre that owns a new incident at {@code location}: the grid's village centre, or, when the item is
     * normally handled higher up, the centre of that level along the lineage (town, county, city).
     */
    public Optional<Centre> owner(Location location, Level normalLevel) {
        RegionView region = switch (normalLevel) {
            case GRID, VILLAGE -> location.village();
            case TOWN -> location.town();
            case COUNTY -> location.county();
            case CITY -> location.city();
        };
        return region == null ? Optional.empty() : centreOfRegion(region.code());
    }

    /** The centre of a region (city, county, town or village). */
    public Optional<Centre> centreOfRegion(String regionCode) {
        return cached(
                centresByRegion,
                regionCode,
                code -> organisations.centreOf(code).flatMap(this::centre));
    }

    /** A centre by its organisation id; empty if the organisation is not a centre. */
    public Optional<Centre> centre(long orgId) {
        return cached(centresById, orgId, id -> organisations.find(id).flatMap(this::centre));
    }

    /** The centre of the parent region, where escalation goes ("上报"); empty at the top. */
    public Optional<Centre> parentOf(Centre centre) {
        return organisations
                .find(centre.orgId())
                .map(OrganisationView::parentId)
                .flatMap(this::centre);
    }

    /**
     * A department for dispatch: by its organisation code ({@code 370523.chengguan}), or by its short code
     * ({@code chengguan}) for the branch serving the incident's village (the county branch, or the city department
     * where the county has none).
     */
    public Optional<Department> department(String code, String villageCode) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String key = code.contains(".") ? code : code + "@" + villageCode;
        return cached(departments, key, k -> {
            Optional<OrganisationView> org =
                    code.contains(".") ? organisations.findByCode(code) : organisations.department(code, villageCode);
            return org.filter(o -> o.kind() == OrgKind.DEPARTMENT)
                    .flatMap(o -> regions.find(o.regionCode()))
                    .map(region -> new Department(org.get().id(), region.path()));
        });
    }

    /** The organisation's name, for views. */
    public Optional<String> name(long orgId) {
        return cached(names, orgId, id -> organisations.find(id).map(OrganisationView::name));
    }

    /** Remembers what was found; what was not is asked again, as it may be created meanwhile. */
    private static <K, V> Optional<V> cached(Map<K, Optional<V>> cache, K key, Function<K, Optional<V>> lookup) {
        Optional<V> found = cache.get(key);
        if (found == null) {
            found = lookup.apply(key);
            if (found.isPresent()) {
                cache.put(key, found);
            }
        }
        return found;
    }

    private Optional<Centre> centre(OrganisationView org) {
        if (org.kind() != OrgKind.CENTRE) {
            return Optional.empty();
        }
        return regions.find(org.regionCode()).map(region -> new Centre(org.id(), level(region), region.path()));
    }

    private static Level level(RegionView region) {
        return switch (region.level()) {
            case CITY -> Level.CITY;
            case COUNTY -> Level.COUNTY;
            case TOWN -> Level.TOWN;
            case VILLAGE -> Level.VILLAGE;
        };
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RegionsImported event) {
        forget();
    }

    /** Another node imported regions, and with them maybe new centres: this node's lookups start afresh. */
    @EventListener
    void on(RegionsReloaded event) {
        forget();
    }

    private void forget() {
        centresByRegion.clear();
        centresById.clear();
        departments.clear();
        names.clear();
    }
}
