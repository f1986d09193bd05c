package org.onegrid.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.patrol.domain.Outcome;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.registry.Registry;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

/** A city campaign 全市入户摸排: ordered at the top, counted at the door, rolled up grid → village → town → county → city. */
@IntegrationTest
class CampaignTests {

    @Autowired
    Campaigns campaigns;

    @Autowired
    PatrolApi patrol;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Test
    void aCityCampaignsProgressRollsUpLiveFromTheGridToTheCity() {
        StaffPrincipal admin = Households.principal(staff, "admin");
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        StaffPrincipal city = Households.principal(staff, "city.dispatcher");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        Location place = grids.location(grid).orElseThrow();
        long household = Households.register(registry, grids, grid, 2, Set.of(), admin);
        Point door = Households.door(grids, grid);

        long id = campaigns.order(
                new OrderCampaign(
                        "全市入户摸排",
                        null,
                        patrol.today(),
                        patrol.today().plusDays(30),
                        100,
                        List.of("是否有外来常住人员", "是否有安全隐患")),
                city);
        CampaignView before = campaigns.progress(id, null, city);
        assertThat(before.regionName()).isEqualTo("东营市");
        assertThat(before.progress().target()).isPositive();
        CampaignView.Part county = part(before, place.county().code());

        VisitView v = patrol.recordVisit(
                new RecordVisit(
                        null,
                        household,
                        Outcome.MET,
                        Instant.now().minusSeconds(600),
                        Instant.now(),
                        door.getX(),
                        door.getY(),
                        null,
                        null,
                        List.of(),
                        null,
                        null),
                worker);
        campaigns.answer(id, v.id(), List.of("无", "楼道堆放杂物"), worker);

        CampaignView after = campaigns.progress(id, null, city);
        assertThat(after.progress().households()).isEqualTo(before.progress().households() + 1);
        assertThat(part(after, place.county().code()).progress().households())
                .isEqualTo(county.progress().households() + 1);
        assertThat(part(
                                campaigns.progress(id, place.town().code(), city),
                                place.village().code())
                        .progress()
                        .households())
                .isEqualTo(1);
        CampaignView village = campaigns.progress(id, place.village().code(), city);
        assertThat(part(village, grid).progress().households()).isEqualTo(1);
        assertThat(part(village, grid).progress().persons()).isEqualTo(2);
        assertThat(after.laggards()).isNotEmpty();

        // a second visit to the same household does not count twice
        patrol.recordVisit(
                new RecordVisit(
                        null,
                        household,
                        Outcome.MET,
                        Instant.now().minusSeconds(600),
                        Instant.now(),
                        door.getX(),
                        door.getY(),
                        null,
                        null,
                        List.of(),
                        null,
                        null),
                worker);
        assertThat(campaigns.progress(id, null, city).progress().households())
                .isEqualTo(after.progress().households());
    }

    @Test
    void aVillageCannotOrderACampaignAndAnUnnamedOneIsRefused() {
        StaffPrincipal city = Households.principal(staff, "city.dispatcher");
        assertThatThrownBy(() -> campaigns.order(
                        new OrderCampaign(
                                " ", null, patrol.today(), patrol.today().minusDays(1), 0, List.of()),
                        city))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties().get("errors").toString())
                            .contains("name")
                            .contains("endsOn")
                            .contains("targetShare");
                });
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        assertThatThrownBy(() -> campaigns.order(
                        new OrderCampaign("x", null, patrol.today(), patrol.today(), 100, List.of()), worker))
                .isInstanceOf(ErrorResponseException.class);
    }

    static CampaignView.Part part(CampaignView view, String code) {
        return view.parts().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not among " + view.parts()));
    }
}
