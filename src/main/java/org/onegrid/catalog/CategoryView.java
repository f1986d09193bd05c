package org.onegrid.catalog;

import java.util.List;

/** A catalog category 大类 with its items, in display order. */
public record CategoryView(String code, String name, int sort, boolean active, List<CatalogItemView> items) {

    public CategoryView {
        items = List.copyOf(items);
    }
}
