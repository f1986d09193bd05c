package org.onegrid.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.catalog.persistence.CatalogRows;
import org.onegrid.catalog.persistence.CatalogRows.CategoryRow;
import org.onegrid.catalog.rules.CatalogRules;
import org.onegrid.catalog.rules.Violation;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog 事项清单: categories 大类 and their items 小类, each item with its responsible departments, normal
 * handling level, time limits per stage and rules. Reads are open to every module; changes are for administrators
 * and raise the item's version. Incidents copy an item's terms at intake, so a change never reaches a running one.
 */
@Service
public class Catalog {

    /** Most results the report type picker shows. */
    static final int SEARCH_LIMIT = 50;

    /** Free text longer than this is cut before matching (an incident's text is at most 4,000 characters). */
    static final int SUGGEST_TEXT = 4000;

    private final CatalogRows rows;
    private final ItemCache cache;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    Catalog(CatalogRows rows, ItemCache cache, Organisations organisations, ApplicationEventPublisher events) {
        this.rows = rows;
        this.cache = cache;
        this.organisations = organisations;
        this.events = events;
    }

    // reading

    /** The offered catalog: active categories with their active items, in display order. */
    public List<CategoryView> categories() {
        return categories(false);
    }

    /** The catalog tree; with {@code includeInactive} also deactivated categories and items (for administrators). */
    public List<CategoryView> categories(boolean includeInactive) {
        Map<String, List<CatalogItemView>> byCategory = new LinkedHashMap<>();
        for (CatalogItemView item : rows.items(null, includeInactive)) {
            byCategory
                    .computeIfAbsent(item.categoryCode(), c -> new ArrayList<>())
                    .add(item);
        }
        return rows.categories().stream()
                .filter(c -> includeInactive || c.active())
                .map(c -> new CategoryView(
                        c.code(), c.name(), c.sort(), c.active(), byCategory.getOrDefault(c.code(), List.of())))
                .toList();
    }

    /** A category with all its items, offered or not. */
    public Optional<CategoryView> category(String code) {
        return code == null
                ? Optional.empty()
                : rows.category(code)
                        .map(c -> new CategoryView(c.code(), c.name(), c.sort(), c.active(), rows.items(code, true)));
    }

    /**
     * An item by code, offered or not: incidents keep referring to deactivated items. Answered from memory; a change
     * is seen on this node once it commits, on other nodes within {@code onegrid.catalog.item-cache-expiry}.
     */
    public Optional<CatalogItemView> item(String code) {
        return code == null ? Optional.empty() : cache.item(code, rows::item);
    }

    /**
     * An item as stored right now, for editing it: another node's change is there at once, so the version read is the
     * one an update is checked against.
     */
    public Optional<CatalogItemView> itemAsStored(String code) {
        return code == null ? Optional.empty() : rows.item(code);
    }

    /** The offered items of a category. */
    public List<CatalogItemView> items(String categoryCode) {
        return items(categoryCode, false);
    }

    /**
     * The items of a category, or of the whole catalog when {@code categoryCode} is null; with {@code
     * includeInactive} also the ones not offered.
     */
    public List<CatalogItemView> items(String categoryCode, boolean includeInactive) {
        return rows.items(categoryCode, includeInactive);
    }

    /**
     * Offered items for the report type picker: those whose name contains the text, name matches first, then those
     * with a keyword containing the text or contained in it. At most {@value #SEARCH_LIMIT}; none for blank text.
     */
    public List<CatalogItemView> search(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return rows.search(text.strip(), SEARCH_LIMIT);
    }

    /**
     * The offered item that free text (a 12345 work order, an Open311 description) most likely means, by the
     * keywords and item names found in it; empty when nothing matches.
     */
    public Optional<CatalogItemView> suggest(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String cut = text.length() > SUGGEST_TEXT ? text.substring(0, SUGGEST_TEXT) : text;
        return rows.suggest(cut);
    }

    // administration

    /**
     * Creates a category.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for a non-administrator, 400 naming the invalid field,
     *     409 when the code is taken; nothing is written then
     */
    @Transactional
    public CategoryView createCategory(CreateCategory command, StaffPrincipal actor) {
        requireAdmin(actor);
        CatalogRules rules = rules(actor);
        List<Violation> found = new ArrayList<>(rules.checkCode(command.code()));
        found.addAll(rules.checkCategoryName(command.name()));
        refuse(found);
        int sort = command.sort() != null ? command.sort() : rows.nextSort();
        if (!rows.insertCategory(new CategoryRow(command.code(), command.name().strip(), sort, true))) {
            throw codeTaken("大类", command.code());
        }
        events.publishEvent(new CatalogCategoryChanged(command.code()));
        return category(command.code()).orElseThrow();
    }

    /**
     * Renames, re-sorts, deactivates or reactivates a category.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for a non-administrator, 404 for an unknown
     *     category, 400 naming the invalid field; nothing is written then
     */
    @Transactional
    public CategoryView updateCategory(String code, UpdateCategory command, StaffPrincipal actor) {
        requireAdmin(actor);
        CategoryRow current = rows.category(code).orElseThrow(() -> Problems.notFound("category", code));
        if (command.name() != null) {
            refuse(rules(actor).checkCategoryName(command.name()));
        }
        CategoryRow changed = new CategoryRow(
                code,
                command.name() != null ? command.name().strip() : current.name(),
                command.sort() != null ? command.sort() : current.sort(),
                command.active() != null ? command.active() : current.active());
        if (!changed.equals(current)) {
            rows.updateCategory(changed);
            events.publishEvent(new CatalogCategoryChanged(code));
        }
        return category(code).orElseThrow();
    }

    /**
     * Creates an item, active, at version 1.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for a non-administrator, 400 naming the invalid field
     *     (an unknown category or department among them), 409 when the code is taken; nothing is written then
     */
    @Transactional
    public CatalogItemView createItem(String code, CatalogItemDraft draft, StaffPrincipal actor) {
        requireAdmin(actor);
        CatalogRules rules = rules(actor);
        List<Violation> found = new ArrayList<>(rules.checkCode(code));
        found.addAll(rules.check(draft));
        refuse(found);
        if (!rows.insertItem(code, draft)) {
            throw codeTaken("事项", code);
        }
        events.publishEvent(new CatalogItemChanged(code, 1));
        return rows.item(code).orElseThrow();
    }

    /**
     * Replaces an item's terms, if nobody changed it since the caller read {@code version}; the version rises by one.
     * Incidents already running keep the terms they were reported under.
     *
     * @param active whether the item is offered from now on, or null to leave that as it is
     * @throws org.springframework.web.ErrorResponseException 403 for a non-administrator, 404 for an unknown item, 400
     *     naming the invalid field, 409 when the item is no longer at {@code version}; nothing is written then
     */
    @Transactional
    public CatalogItemView updateItem(
            String code, int version, CatalogItemDraft draft, Boolean active, StaffPrincipal actor) {
        requireAdmin(actor);
        CatalogItemView current = rows.item(code).orElseThrow(() -> Problems.notFound("catalog item", code));
        refuse(rules(actor).check(draft));
        int updated = rows.updateItem(code, version, draft, active).orElseThrow(() -> stale(code, version, current));
        events.publishEvent(new CatalogItemChanged(code, updated));
        return rows.item(code).orElseThrow();
    }

    /**
     * Withdraws an item from new reports (or offers it again); it stays readable by code. Raises the version when
     * this changes the item; doing it twice changes nothing the second time.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for a non-administrator, 404 for an unknown item
     */
    @Transactional
    public CatalogItemView setItemActive(String code, boolean active, StaffPrincipal actor) {
        requireAdmin(actor);
        CatalogItemView before = rows.item(code).orElseThrow(() -> Problems.notFound("catalog item", code));
        int version = rows.setActive(code, active).orElseThrow(() -> Problems.notFound("catalog item", code));
        if (version != before.version()) {
            events.publishEvent(new CatalogItemChanged(code, version));
        }
        return rows.item(code).orElseThrow();
    }

    private static void requireAdmin(StaffPrincipal actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw Problems.forbidden("只有管理员可以修改事项清单");
        }
    }

    /** Departments are known when the city (the top of the actor's organisation tree) has one with that code. */
    private CatalogRules rules(StaffPrincipal actor) {
        String city = cityOf(actor);
        return new CatalogRules(
                category -> rows.category(category).isPresent(),
                department -> city != null
                        && organisations
                                .department(department, city)
                                .filter(d -> d.regionCode().equals(city))
                                .isPresent());
    }

    private String cityOf(StaffPrincipal actor) {
        Optional<OrganisationView> org = organisations.find(actor.orgId());
        for (int hops = 0; org.isPresent() && org.get().parentId() != null && hops < 8; hops++) {
            org = organisations.find(org.get().parentId());
        }
        return org.map(OrganisationView::regionCode).orElse(null);
    }

    private static void refuse(List<Violation> found) {
        if (found.isEmpty()) {
            return;
        }
        throw Problems.invalidFields(found.stream()
                .sorted(Comparator.comparing(Violation::field))
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
    }

    private static RuntimeException codeTaken(String what, String code) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", what + "编码 " + code + " 已存在", Map.of("field", "code"));
    }

    private static RuntimeException stale(String code, int version, CatalogItemView read) {
        int current = read.version();
        return Problems.of(
                HttpStatus.CONFLICT,
                "conflict",
                "事项 " + code + " 已被他人修改（您修改的是第 " + version + " 版，当前为第 " + current + " 版），请刷新后重试",
                Map.of("field", "version", "currentVersion", current));
    }
}
