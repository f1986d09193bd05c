package org.onegrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;

/** Through the facade: each change announces the item's new version; a refused change announces nothing. */
@IntegrationTest
@RecordApplicationEvents
class CatalogEventsTests {

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    ApplicationEvents events;

    StaffPrincipal user(Role role) {
        long cityCentre = organisations.centreOf("3705").orElseThrow().id();
        return new StaffPrincipal(
                -1, "events.test", "测试", cityCentre, "东营市综治中心", OrgKind.CENTRE, "3705", "/3705/", Set.of(role));
    }

    static CatalogItemDraft draft(String name) {
        return new CatalogItemDraft(
                "MSFW",
                name,
                null,
                List.of("minzheng"),
                HandlingLevel.TOWN,
                StageLimit.workingHours(2),
                StageLimit.workingHours(40),
                StageLimit.workingHours(8),
                false,
                false,
                false,
                List.of("测试事件"),
                null,
                null);
    }

    @Test
    void everyChangeOfAnItemAnnouncesItsNewVersion() {
        StaffPrincipal admin = user(Role.ADMIN);
        String code = CatalogAdminApiTests.newCode();

        catalog.createItem(code, draft("助餐点投诉"), admin);
        catalog.updateItem(code, 1, draft("老年助餐点投诉"), null, admin);
        catalog.setItemActive(code, false, admin);
        catalog.setItemActive(code, false, admin);

        assertThat(events.stream(CatalogItemChanged.class).filter(e -> e.code().equals(code)))
                .containsExactly(
                        new CatalogItemChanged(code, 1),
                        new CatalogItemChanged(code, 2),
                        new CatalogItemChanged(code, 3));
        assertThat(catalog.item(code).orElseThrow().description()).isEmpty();
    }

    @Test
    void aRefusedChangeAnnouncesNothing() {
        String code = CatalogAdminApiTests.newCode();

        assertThatThrownBy(() -> catalog.createItem(code, draft("助餐点投诉"), user(Role.CENTRE_DISPATCHER)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        assertThatThrownBy(() -> catalog.createItem(code, draft(""), user(Role.ADMIN)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));

        assertThat(events.stream(CatalogItemChanged.class)).isEmpty();
        assertThat(catalog.item(code)).isEmpty();
    }
}
