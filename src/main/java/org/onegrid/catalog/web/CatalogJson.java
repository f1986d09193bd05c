package org.onegrid.catalog.web;

import java.util.List;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.CategoryView;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.worktime.TimeMode;

/** The catalog as the API shows it: limits in minutes, levels and modes with their Chinese labels. */
final class CatalogJson {

    private CatalogJson() {}

    record Category(String code, String name, int sort, boolean active, List<Item> items) {

        static Category of(CategoryView view) {
            return new Category(
                    view.code(),
                    view.name(),
                    view.sort(),
                    view.active(),
                    view.items().stream().map(Item::of).toList());
        }
    }

    record Item(
            String code,
            String name,
            String categoryCode,
            String categoryName,
            String description,
            List<String> departmentCodes,
            HandlingLevel level,
            String levelLabel,
            Limit accept,
            Limit handle,
            Limit verify,
            boolean jointAllowed,
            boolean emergency,
            boolean autoEscalate,
            List<String> keywords,
            List<AttributeDefinition> attributes,
            boolean published,
            boolean active,
            int version) {

        static Item of(CatalogItemView view) {
            return new Item(
                    view.code(),
                    view.name(),
                    view.categoryCode(),
                    view.categoryName(),
                    view.description(),
                    view.departmentCodes(),
                    view.level(),
                    view.level().label(),
                    Limit.of(view.accept()),
                    Limit.of(view.handle()),
                    Limit.of(view.verify()),
                    view.jointAllowed(),
                    view.emergency(),
                    view.autoEscalate(),
                    view.keywords(),
                    view.attributes(),
                    view.published(),
                    view.active(),
                    view.version());
        }
    }

    /** A stage's limit: {@code {"minutes": 120, "mode": "WORKING"}} is 2 working hours (工作时). */
    record Limit(long minutes, TimeMode mode) {

        static Limit of(StageLimit limit) {
            return new Limit(limit.minutes(), limit.mode());
        }
    }
}
