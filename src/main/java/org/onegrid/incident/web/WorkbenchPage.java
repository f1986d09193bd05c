package org.onegrid.incident.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentFilter;
import org.onegrid.incident.IncidentPage;
import org.onegrid.incident.IncidentSummaryView;
import org.onegrid.incident.domain.Channel;
import org.onegrid.incident.domain.Status;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dispatcher workbench 事件工作台: the centre's queue by status with counts, lights and filters. What a
 * dispatcher may see is decided by {@link IncidentApi#list}: the subtree of their centre's region.
 */
@Controller
class WorkbenchPage {

    /** The tabs of the queue, in the order of the loop. */
    static final List<Status> TABS = List.of(
            Status.REPORTED, Status.ACCEPTED, Status.DISPATCHED, Status.IN_PROGRESS, Status.HANDLED, Status.CLOSED);

    private static final int PAGE_SIZE = 20;

    private final IncidentApi incidents;
    private final Catalog catalog;
    private final Regions regions;
    private final Organisations organisations;
    private final Grids grids;

    WorkbenchPage(IncidentApi incidents, Catalog catalog, Regions regions, Organisations organisations, Grids grids) {
        this.grids = grids;
        this.incidents = incidents;
        this.catalog = catalog;
        this.regions = regions;
        this.organisations = organisations;
    }

    /** The filters of the queue, as the GET form sends them. */
    record Query(
            String status,
            String channel,
            String category,
            String grid,
            LocalDate from,
            LocalDate to,
            String text,
            int page) {

        IncidentFilter filter(String status, int page, int size) {
            return new IncidentFilter(
                    status, null, null, grid, category, null, channel, from, to, text, null, null, page, size);
        }

        /** The query string of these filters for another status or page. */
        String link(String status, int page) {
            StringBuilder q = new StringBuilder("/workbench?status=").append(status);
            append(q, "channel", channel);
            append(q, "category", category);
            append(q, "grid", grid);
            append(q, "from", from == null ? null : from.toString());
            append(q, "to", to == null ? null : to.toString());
            append(q, "text", text);
            if (page > 0) {
                q.append("&page=").append(page);
            }
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&')
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    record Tab(String status, String label, long count, String link) {}

    /** One row of the queue, with the names the summary only has codes for. */
    record Row(IncidentSummaryView incident, String place, String owner) {}

    @GetMapping("/workbench")
    String workbench(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String grid,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String text,
            @RequestParam(required = false, defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        String current = TABS.stream()
                .map(Status::name)
                .filter(s -> s.equalsIgnoreCase(status == null ? "" : status.strip()))
                .findFirst()
                .orElse(Status.REPORTED.name());
        Query query = new Query(
                current,
                blank(channel),
                blank(category),
                gridCode(me, blank(grid)),
                from,
                to,
                blank(text),
                Math.max(0, page));
        IncidentPage list;
        List<Tab> tabs = new ArrayList<>();
        try {
            list = incidents.list(query.filter(current, query.page(), PAGE_SIZE), me);
            for (Status tab : TABS) {
                long count = tab.name().equals(current)
                        ? list.total()
                        : incidents.list(query.filter(tab.name(), 0, 1), me).total();
                tabs.add(new Tab(tab.name(), tab.label(), count, query.link(tab.name(), 0)));
            }
        } catch (ErrorResponseException refused) {
            // a filter the search refuses (e.g. "to" before "from") shows beside the form, with an empty list
            model.addAttribute("filterError", refused.getBody().getDetail());
            model.addAttribute("filterField", field(refused));
            list = new IncidentPage(List.of(), 0, PAGE_SIZE, 0);
            for (Status tab : TABS) {
                tabs.add(new Tab(tab.name(), tab.label(), 0, query.link(tab.name(), 0)));
            }
        }
        model.addAttribute("query", query);
        model.addAttribute("tabs", tabs);
        model.addAttribute("page", list);
        model.addAttribute("rows", rows(list.items()));
        model.addAttribute("pages", (list.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("previous", query.page() > 0 ? query.link(current, query.page() - 1) : null);
        model.addAttribute(
                "next",
                (long) (query.page() + 1) * PAGE_SIZE < list.total() ? query.link(current, query.page() + 1) : null);
        model.addAttribute("channels", channels());
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("scopeName", scopeName(me));
        List<GridView> scopeGrids = grids.inRegion(me.regionCode());
        model.addAttribute("gridChoices", scopeGrids.size() <= GRID_CHOICES ? scopeGrids : List.of());
        return htmx != null ? "incident/workbench :: list" : "incident/workbench";
    }

    private List<Row> rows(List<IncidentSummaryView> items) {
        Map<String, String> places = new HashMap<>();
        Map<Long, String> owners = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (IncidentSummaryView i : items) {
            String place = places.computeIfAbsent(
                    i.villageCode(),
                    code -> regions.find(code).map(RegionView::name).orElse(code));
            String owner = owners.computeIfAbsent(
                    i.ownerOrgId(),
                    id -> organisations.find(id).map(OrganisationView::name).orElse(""));
            rows.add(new Row(i, place, owner));
        }
        return rows;
    }

    static Map<String, String> channels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            out.put(c.name(), c.label());
        }
        return out;
    }

    /** Up to this many grids in the user's region are offered by name in a list; beyond, the name is typed. */
    private static final int GRID_CHOICES = 400;

    /**
     * The grid a dispatcher names: its code as it is, or its name (花园社区居民委员会第1网格), found among the grids of the
     * user's region — exactly, or the one grid whose name contains it. A name that fits none or several is kept as
     * typed and finds nothing.
     */
    private String gridCode(StaffPrincipal me, String grid) {
        if (grid == null || grid.chars().allMatch(Character::isDigit)) {
            return grid;
        }
        List<GridView> inScope = grids.inRegion(me.regionCode());
        return inScope.stream()
                .filter(g -> g.name().equals(grid))
                .findFirst()
                .or(() -> {
                    List<GridView> containing = inScope.stream()
                            .filter(g -> g.name().contains(grid))
                            .limit(2)
                            .toList();
                    return containing.size() == 1
                            ? java.util.Optional.of(containing.get(0))
                            : java.util.Optional.empty();
                })
                .map(GridView::code)
                .orElse(grid);
    }

    private String scopeName(StaffPrincipal me) {
        return regions.lineage(me.regionCode()).stream()
                .map(RegionView::name)
                .reduce((a, b) -> a + " / " + b)
                .orElse("");
    }

    static String field(ErrorResponseException e) {
        Map<String, Object> properties = e.getBody().getProperties();
        return properties == null || properties.get("field") == null
                ? ""
                : properties.get("field").toString();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
