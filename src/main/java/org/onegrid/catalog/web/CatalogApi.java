package org.onegrid.catalog.web;

import java.net.URI;
import java.util.List;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CreateCategory;
import org.onegrid.catalog.UpdateCategory;
import org.onegrid.catalog.web.CatalogJson.Category;
import org.onegrid.catalog.web.CatalogJson.Item;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog 事项清单: anyone signed in reads it; administrators change it. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogApi {

    private static final int MAX_QUERY = 100;

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The tree of categories and items.
     *
     * @param all also deactivated categories and items
     */
    @GetMapping
    List<Category> tree(@RequestParam(defaultValue = "false") boolean all) {
        return catalog.categories(all).stream().map(Category::of).toList();
    }

    /**
     * Items: with {@code q}, the offered items whose name or keywords match, best first (the report type picker);
     * otherwise the items of {@code category}, or of the whole catalog.
     *
     * @param all without {@code q}: also deactivated items
     */
    @GetMapping("/items")
    List<Item> items(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "false") boolean all) {
        if (q != null && q.length() > MAX_QUERY) {
            throw Problems.invalid("q", "q 不能超过 " + MAX_QUERY + " 字");
        }
        if (category != null
                && !category.isBlank()
                && catalog.category(category).isEmpty()) {
            throw Problems.invalid("category", "category: 大类 " + category + " 不存在");
        }
        if (q != null && !q.isBlank()) {
            return catalog.search(q).stream()
                    .filter(item -> category == null || item.categoryCode().equals(category))
                    .map(Item::of)
                    .toList();
        }
        return catalog.items(category == null || category.isBlank() ? null : category, all).stream()
                .map(Item::of)
                .toList();
    }

    /** An item, offered or not: incidents keep referring to deactivated items. */
    @GetMapping("/items/{code}")
    Item item(@PathVariable String code) {
        return catalog.itemAsStored(code).map(Item::of).orElseThrow(() -> Problems.notFound("catalog item", code));
    }

    @PostMapping("/categories")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Category> createCategory(
            @AuthenticationPrincipal StaffPrincipal me, @RequestBody CreateCategory command) {
        Category created = Category.of(catalog.createCategory(command, me));
        return ResponseEntity.created(URI.create("/api/v1/catalog/categories/" + created.code()))
                .body(created);
    }

    /** Renames, re-sorts, deactivates or reactivates a category; fields left out stay as they are. */
    @PutMapping("/categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Category updateCategory(
            @AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String code,
            @RequestBody UpdateCategory command) {
        return Category.of(catalog.updateCategory(code, command, me));
    }

    @PostMapping("/items")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Item> createItem(@AuthenticationPrincipal StaffPrincipal me, @RequestBody ItemRequest request) {
        Item created = Item.of(catalog.createItem(request.code(), request.draft(), me));
        return ResponseEntity.created(URI.create("/api/v1/catalog/items/" + created.code()))
                .body(created);
    }

    /** Replaces an item's terms; the body carries the {@code version} it was read at (409 when stale). */
    @PutMapping("/items/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Item updateItem(
            @AuthenticationPrincipal StaffPrincipal me, @PathVariable String code, @RequestBody ItemRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw Problems.invalid("code", "code: 事项编码不能修改（路径为 " + code + "，请求体为 " + request.code() + "）");
        }
        if (request.version() == null) {
            throw Problems.invalid("version", "version: 修改事项须带上读取时的版本号");
        }
        return Item.of(catalog.updateItem(code, request.version(), request.draft(), request.active(), me));
    }

    /** Withdraws an item from new reports; it stays readable by code. */
    @PostMapping("/items/{code}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    Item deactivate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String code) {
        return Item.of(catalog.setItemActive(code, false, me));
    }

    /** Offers a deactivated item again. */
    @PostMapping("/items/{code}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    Item activate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String code) {
        return Item.of(catalog.setItemActive(code, true, me));
    }
}
