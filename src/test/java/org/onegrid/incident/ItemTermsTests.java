package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.TimeMode;
import org.springframework.beans.factory.annotation.Autowired;

/** An incident keeps the terms of the item as it was reported under; an edited item's terms reach new reports. */
@IntegrationTest
class ItemTermsTests {

    @Autowired
    IncidentApi incidents;

    @Autowired
    Catalog catalog;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    static CatalogItemDraft draft(String name, long handleHours) {
        return new CatalogItemDraft(
                "MDJF",
                name,
                null,
                List.of("chengguan"),
                HandlingLevel.GRID,
                new StageLimit(Duration.ofHours(2), TimeMode.WORKING),
                new StageLimit(Duration.ofHours(handleHours), TimeMode.WORKING),
                new StageLimit(Duration.ofHours(8), TimeMode.WORKING),
                false,
                false,
                false,
                List.of(),
                null,
                null);
    }

    @Test
    void anItemEditedAfterAReportReachesTheNextReportWhileTheFirstKeepsItsTerms() {
        Dongying.catalog(catalog, staff);
        StaffPrincipal admin = Dongying.principal(staff, "admin");
        String code = "TERMS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        catalog.createItem(code, draft("楼道杂物堆放", 16), admin);
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 19);
        StaffPrincipal worker = Dongying.principal(staff, spot.gridWorker());
        ReportIncident report =
                new ReportIncident(code, "楼道堆放杂物", null, spot.lng(), spot.lat(), null, null, null, null, List.of());

        UUID before = incidents.report(report, null, worker).incident().id();
        UUID sameTerms = incidents.report(report, null, worker).incident().id();
        catalog.updateItem(code, 1, draft("楼道杂物堆放（修订）", 24), null, admin);
        IncidentView after = incidents.report(report, null, worker).incident();

        assertThat(after.itemName()).isEqualTo("楼道杂物堆放（修订）");
        assertThat(after.terms().handle().duration()).isEqualTo(Duration.ofHours(24));
        for (UUID earlier : List.of(before, sameTerms)) {
            IncidentView loaded = incidents.find(earlier, worker).orElseThrow();
            assertThat(loaded.itemName()).isEqualTo("楼道杂物堆放");
            assertThat(loaded.terms().handle().duration()).isEqualTo(Duration.ofHours(16));
        }
        IncidentView reloaded = incidents.find(after.id(), worker).orElseThrow();
        assertThat(reloaded.itemName()).isEqualTo("楼道杂物堆放（修订）");
        assertThat(reloaded.terms()).isEqualTo(after.terms());
    }
}
