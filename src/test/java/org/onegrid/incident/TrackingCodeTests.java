package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

/**
 * The tracking code (查询码) of a resident without an account: one per incident, however often the report is sent, and
 * the way to rate the result, once.
 */
@IntegrationTest
class TrackingCodeTests {

    @Autowired
    IncidentApi incidents;

    @Autowired
    Catalog catalog;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    static ReportIncident noise(Dongying.Spot spot, String text) {
        return new ReportIncident(
                Dongying.NOISE, text, null, spot.lng(), spot.lat(), null, null, null, null, List.of());
    }

    @Test
    void aReportSentAgainWithItsKeyKeepsItsIncidentAndCodeAndAnotherGetsItsOwn() {
        Dongying.catalog(catalog, staff);
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 23);
        String key = UUID.randomUUID().toString();

        IncidentApi.Tracked first = incidents.reportAnonymously(noise(spot, "楼下烧烤摊吆喝声"), key);
        IncidentApi.Tracked again = incidents.reportAnonymously(noise(spot, "楼下烧烤摊吆喝声"), key);
        IncidentApi.Tracked other = incidents.reportAnonymously(
                noise(spot, "楼下烧烤摊吆喝声"), UUID.randomUUID().toString());

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.incident().id()).isEqualTo(first.incident().id());
        assertThat(again.trackingCode()).isEqualTo(first.trackingCode());
        assertThat(other.trackingCode()).isNotEqualTo(first.trackingCode());
        assertThat(incidents.track(first.trackingCode()).orElseThrow().status()).isEqualTo("REPORTED");
    }

    @Test
    void theRatingAnswersTheIncidentAsTheTrackingPageShowsItAfterwardsAndOnlyOnce() {
        Dongying.catalog(catalog, staff);
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 21);
        IncidentApi.Tracked tracked = incidents.reportAnonymously(
                noise(spot, "小区门口商铺喇叭声大"), UUID.randomUUID().toString());
        StaffPrincipal worker = Dongying.principal(staff, spot.gridWorker());
        UUID photo = incidents.upload(Photos.jpeg(), worker).id();
        incidents.resolve(tracked.incident().id(), new IncidentCommand.Plain("已当面劝导店主调小音量", List.of(photo)), worker);
        String typed = " " + tracked.trackingCode().toLowerCase(Locale.ROOT) + " ";

        PublicIncidentView rated = incidents.evaluateByCode(typed, "BASICALLY_SATISFIED");

        assertThat(rated).isEqualTo(incidents.track(tracked.trackingCode()).orElseThrow());
        assertThat(rated.trackingCode()).isEqualTo(tracked.trackingCode());
        assertThat(rated.status()).isEqualTo("CLOSED");
        assertThat(rated.result()).isEqualTo("已当面劝导店主调小音量");
        assertThat(rated.satisfaction()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(rated.canEvaluate()).isFalse();
        assertThat(rated.steps()).extracting(PublicIncidentView.Step::status).endsWith("CLOSED", "CLOSED");
        assertThatThrownBy(() -> incidents.evaluateByCode(tracked.trackingCode(), "SATISFIED"))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        assertThatThrownBy(() -> incidents.evaluateByCode("NOT-A-CODE", "SATISFIED"))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    }
}
