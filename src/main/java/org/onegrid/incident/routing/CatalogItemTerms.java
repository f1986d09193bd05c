package org.onegrid.incident.routing;

import java.util.Optional;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.StageLimit;
import org.onegrid.incident.domain.CatalogTerms;
import org.onegrid.incident.domain.Level;
import org.springframework.stereotype.Component;

/** The catalog module's items as terms to freeze into a new incident. */
@Component
class CatalogItemTerms implements ItemTerms {

    private final Catalog catalog;

    CatalogItemTerms(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<CatalogItem> find(String itemCode) {
        return catalog.item(itemCode).map(CatalogItemTerms::item);
    }

    static CatalogItem item(CatalogItemView v) {
        return new CatalogItem(
                new CatalogTerms(
                        v.code(),
                        v.name(),
                        v.departmentCodes(),
                        Level.valueOf(v.level().name()),
                        limit(v.accept()),
                        limit(v.handle()),
                        limit(v.verify()),
                        v.jointAllowed(),
                        v.emergency(),
                        v.autoEscalate()),
                v.categoryCode(),
                v.active());
    }

    private static TimeLimit limit(StageLimit limit) {
        return new TimeLimit(limit.limit(), limit.mode());
    }
}
