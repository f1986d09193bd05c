package org.onegrid.bench.scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.incident.domain.Actor;
import org.onegrid.incident.domain.Centre;
import org.onegrid.incident.domain.Department;
import org.onegrid.incident.routing.CatalogItem;
import org.onegrid.incident.routing.ItemTerms;
import org.onegrid.incident.routing.Routing;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.ApplicationContext;

/**
 * The demo city as the generator needs it, looked up once through the application's own services: its grids with
 * their place in the region tree and grid worker, the catalog items with their frozen terms, and for every centre
 * and department the first dispatcher or handler, who acts in the generated histories.
 */
final class City {

    record Grid(
            GridView view,
            Location location,
            double longitude,
            double latitude,
            Actor worker,
            Centre villageCentre,
            Actor villageDispatcher) {}

    record Item(CatalogItemView view, CatalogItem item) {
        boolean small() {
            return (view.level() == HandlingLevel.GRID || view.level() == HandlingLevel.VILLAGE) && !view.emergency();
        }
    }

    final List<Grid> grids = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Item> smallItems = new ArrayList<>();
    private final Routing routing;
    private final Staff staff;
    private final StaffPrincipal admin;
    private final Map<Long, Optional<Actor>> dispatchers = new HashMap<>();
    private final Map<Long, Optional<Actor>> handlers = new HashMap<>();
    private final Map<String, Optional<Department>> departments = new HashMap<>();
    private final Map<Long, Optional<Centre>> parents = new HashMap<>();
    private final Map<String, Optional<Centre>> owners = new HashMap<>();

    City(ApplicationContext app) {
        this.routing = app.getBean(Routing.class);
        this.staff = app.getBean(Staff.class);
        this.admin = staff.findByUsername("admin")
                .flatMap(u -> staff.principal(u.id()))
                .orElseThrow(() -> new IllegalStateException("The demo city has no admin"));
        Grids gridIndex = app.getBean(Grids.class);
        ItemTerms terms = app.getBean(ItemTerms.class);
        for (var category : app.getBean(Catalog.class).categories()) {
            for (CatalogItemView view : category.items()) {
                if (view.active()) {
                    terms.find(view.code()).ifPresent(item -> items.add(new Item(view, item)));
                }
            }
        }
        items.stream().filter(Item::small).forEach(smallItems::add);
        for (GridView grid : gridIndex.all()) {
            Location location = gridIndex.location(grid.code()).orElse(null);
            Optional<Actor> worker = staff.findByUsername("gw" + grid.code())
                    .flatMap(u -> staff.principal(u.id()))
                    .map(p -> Actor.gridWorker(p.userId(), p.displayName(), p.orgId(), path(p), Set.of(grid.code())));
            Centre village = location == null
                    ? null
                    : routing.centreOfRegion(location.village().code()).orElse(null);
            if (location == null || worker.isEmpty() || village == null) {
                continue;
            }
            Optional<Actor> dispatcher = dispatcher(village.orgId());
            if (dispatcher.isEmpty()) {
                continue;
            }
            Point inside = gridIndex.geometry(grid.code()).orElseThrow().getInteriorPoint();
            grids.add(new Grid(grid, location, inside.getX(), inside.getY(), worker.get(), village, dispatcher.get()));
        }
        if (grids.isEmpty() || items.isEmpty()) {
            throw new IllegalStateException("The demo city has no grids with staff or no catalog items");
        }
    }

    synchronized Optional<Centre> owner(Grid grid, Item item) {
        return owners.computeIfAbsent(
                grid.view().code() + "|" + item.item().terms().normalLevel(),
                k -> routing.owner(grid.location(), item.item().terms().normalLevel()));
    }

    synchronized Optional<Actor> dispatcher(long centreId) {
        return dispatchers.computeIfAbsent(
                centreId,
                id -> first(id, Role.CENTRE_DISPATCHER)
                        .map(p -> Actor.dispatcher(p.userId(), p.displayName(), p.orgId(), path(p))));
    }

    synchronized Optional<Actor> handler(long departmentId) {
        return handlers.computeIfAbsent(
                departmentId,
                id -> first(id, Role.DEPARTMENT_HANDLER)
                        .map(p -> Actor.handler(p.userId(), p.displayName(), p.orgId(), path(p))));
    }

    synchronized Optional<Department> department(String code, String villageCode) {
        return departments.computeIfAbsent(code + "@" + villageCode, k -> routing.department(code, villageCode));
    }

    synchronized Optional<Centre> parentOf(Centre centre) {
        return parents.computeIfAbsent(centre.orgId(), id -> routing.parentOf(centre));
    }

    private Optional<StaffPrincipal> first(long orgId, Role role) {
        return staff.list(admin, orgId, role, null, 0, 1).items().stream()
                .findFirst()
                .flatMap(u -> staff.principal(u.id()));
    }

    private static String path(StaffPrincipal p) {
        return p.scopePath() == null || p.scopePath().isEmpty() ? "/" : p.scopePath();
    }

    /** The codes of the catalog's active items, for intake. */
    record ItemCodes(ApplicationContext app) {
        List<String> codes() {
            List<String> codes = new ArrayList<>();
            app.getBean(Catalog.class)
                    .categories()
                    .forEach(c ->
                            c.items().stream().filter(CatalogItemView::active).forEach(i -> codes.add(i.code())));
            return codes;
        }
    }
}
