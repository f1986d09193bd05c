package org.onegrid.incident;

import java.time.Duration;
import java.util.List;
import org.locationtech.jts.geom.Point;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.CreateCategory;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.TimeMode;

/**
 * The demo city as the incident API tests meet it: places inside real grids with the accounts that work there, and
 * the catalog items of the three stories (the demo catalog's own when present, otherwise created alike).
 */
final class Dongying {

    /** 噪音扰民: a grid item. */
    static final String NOISE = "MDJF-010";
    /** 油烟扰民: a town item, 城管执法 with 生态环境 (吹哨报到). */
    static final String FUMES = "CSGL-004";
    /** 无障碍设施损坏: natural hours, 12 to fix, escalates by itself when overdue. */
    static final String HANDRAIL = "MSFW-001";

    static final String DAWANG = "370523101";
    static final String DONGYING_DISTRICT = "370502";

    private Dongying() {}

    /** A point inside a grid, the grid's regions, and the usernames of the people working there. */
    record Spot(String grid, String village, String town, String county, double lng, double lat) {

        String gridWorker() {
            return "gw" + grid;
        }

        String villageDispatcher() {
            return "vd" + village;
        }

        String townDispatcher() {
            return "td" + town;
        }

        /** The branch of a department serving this county, e.g. {@code chengguan.370502}. */
        String handler(String department) {
            return department + "." + county;
        }
    }

    /** The {@code index}-th grid (by code) of a region, and a point inside it. */
    static Spot spot(Grids grids, String regionCode, int index) {
        List<org.onegrid.region.GridView> inRegion = grids.inRegion(regionCode);
        String code = inRegion.get(index % inRegion.size()).code();
        Point inside = grids.geometry(code).orElseThrow().getInteriorPoint();
        Location location = grids.location(code).orElseThrow();
        return new Spot(
                code,
                location.village().code(),
                location.town().code(),
                location.county().code(),
                inside.getX(),
                inside.getY());
    }

    static StaffPrincipal principal(Staff staff, String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    /** Makes sure the three stories' items exist, as the demo catalog defines them. */
    static synchronized void catalog(Catalog catalog, Staff staff) {
        StaffPrincipal admin = principal(staff, "admin");
        category(catalog, admin, "MDJF", "矛盾纠纷");
        category(catalog, admin, "CSGL", "城市管理");
        category(catalog, admin, "MSFW", "民生服务");
        item(
                catalog,
                admin,
                NOISE,
                new CatalogItemDraft(
                        "MDJF",
                        "噪音扰民",
                        null,
                        List.of("chengguan", "gongan"),
                        HandlingLevel.GRID,
                        working(2),
                        working(16),
                        working(8),
                        false,
                        false,
                        false,
                        List.of("噪音", "喇叭"),
                        null,
                        null));
        item(
                catalog,
                admin,
                FUMES,
                new CatalogItemDraft(
                        "CSGL",
                        "油烟扰民",
                        null,
                        List.of("chengguan", "huanbao"),
                        HandlingLevel.TOWN,
                        working(2),
                        working(40),
                        working(8),
                        true,
                        false,
                        false,
                        List.of("油烟"),
                        null,
                        null));
        item(
                catalog,
                admin,
                HANDRAIL,
                new CatalogItemDraft(
                        "MSFW",
                        "无障碍设施损坏",
                        null,
                        List.of("zhujian", "minzheng"),
                        HandlingLevel.VILLAGE,
                        natural(1),
                        natural(12),
                        natural(2),
                        true,
                        false,
                        true,
                        List.of("扶手"),
                        null,
                        null));
    }

    private static void category(Catalog catalog, StaffPrincipal admin, String code, String name) {
        if (catalog.categories(true).stream().noneMatch(c -> c.code().equals(code))) {
            catalog.createCategory(new CreateCategory(code, name, null), admin);
        }
    }

    private static void item(Catalog catalog, StaffPrincipal admin, String code, CatalogItemDraft draft) {
        if (catalog.item(code).isEmpty()) {
            catalog.createItem(code, draft, admin);
        }
    }

    private static StageLimit working(long hours) {
        return new StageLimit(Duration.ofHours(hours), TimeMode.WORKING);
    }

    private static StageLimit natural(long hours) {
        return new StageLimit(Duration.ofHours(hours), TimeMode.NATURAL);
    }
}
