package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.persistence.IncidentStore;
import org.onegrid.incident.routing.Routing;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other modules learn of an incident (the facts for their read models, an entry of its history) is what the
 * database holds, whether it comes from the database or, within the transaction that just saved the incident, from
 * what was saved.
 */
@IntegrationTest
class IncidentFactsTests {

    @Autowired
    IncidentApi incidents;

    @Autowired
    IncidentFacts facts;

    @Autowired
    IncidentStore store;

    @Autowired
    Routing routing;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    Dongying.Spot spot;
    StaffPrincipal gridWorker;
    StaffPrincipal village;
    StaffPrincipal handler;

    @BeforeEach
    void setUp() {
        Dongying.catalog(catalog, staff);
        spot = Dongying.spot(grids, Dongying.DAWANG, 15);
        gridWorker = Dongying.principal(staff, spot.gridWorker());
        village = Dongying.principal(staff, spot.villageDispatcher());
        handler = Dongying.principal(staff, spot.handler("chengguan"));
    }

    /**
     * Runs {@code action} in a transaction of its own and asks for the facts of the incidents it names just before
     * the commit, then again once committed; both must agree.
     */
    List<UUID> sameFactsWithinAndAfter(Supplier<List<UUID>> action) {
        List<IncidentFactView> within = tx.execute(status -> {
            List<UUID> ids = action.get();
            ids.forEach(id -> assertThat(store.saved(new IncidentId(id)))
                    .as("saved in this transaction")
                    .isPresent());
            return facts.of(ids);
        });
        List<UUID> ids = within.stream().map(IncidentFactView::id).toList();
        assertThat(store.saved(new IncidentId(ids.get(0))))
                .as("forgotten after the commit")
                .isEmpty();
        assertThat(facts.of(ids)).containsExactlyInAnyOrderElementsOf(within);
        return ids;
    }

    UUID sameFactsWithinAndAfter(UUID id, Runnable action) {
        sameFactsWithinAndAfter(() -> {
            action.run();
            return List.of(id);
        });
        return id;
    }

    IncidentCommand.Plain plain(String comment, UUID... photos) {
        return new IncidentCommand.Plain(comment, List.of(photos));
    }

    UUID reportNoise(String text) {
        return sameFactsWithinAndAfter(() -> List.of(incidents
                        .report(
                                new ReportIncident(
                                        Dongying.NOISE,
                                        text,
                                        null,
                                        spot.lng(),
                                        spot.lat(),
                                        "大王镇某商铺门口",
                                        null,
                                        "李女士",
                                        "13800001111",
                                        List.of()),
                                null,
                                gridWorker)
                        .incident()
                        .id()))
                .get(0);
    }

    @Test
    void theFactsOfAnIncidentJustSavedAreWhatItsRowHoldsThroughoutTheLoop() {
        UUID id = reportNoise("商铺音响外放");
        sameFactsWithinAndAfter(id, () -> incidents.accept(id, plain("予以受理"), village));
        sameFactsWithinAndAfter(
                id,
                () -> incidents.dispatch(
                        id,
                        new IncidentCommand.Dispatch(
                                "DUAL", "chengguan", List.of(), gridWorker.userId(), null, "", List.of()),
                        village));
        sameFactsWithinAndAfter(id, () -> incidents.sign(id, plain(""), handler));
        UUID photo = incidents.upload(Photos.jpeg(), handler).id();
        sameFactsWithinAndAfter(id, () -> incidents.complete(id, plain("已劝导", photo), handler));
        sameFactsWithinAndAfter(
                id, () -> incidents.verify(id, new IncidentCommand.Verify(true, "", List.of()), gridWorker));
        sameFactsWithinAndAfter(
                id,
                () -> incidents.evaluate(
                        id, new IncidentCommand.Evaluate("BASICALLY_SATISFIED", "回访", List.of()), village));

        IncidentFactView closed = facts.of(List.of(id)).get(0);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.stageDeadline()).isNull();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.leadOrgId()).isEqualTo(handler.orgId());
        assertThat(closed.satisfaction()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(closed.resolutionLevel()).isNotNull();
        assertThat(closed.townCode()).isEqualTo(Dongying.DAWANG);
    }

    @Test
    void theFactsAreTheRowsForAHotlineReportByAddressARejectionAMergeAndAnOverdueStage() {
        UUID byAddress = sameFactsWithinAndAfter(() -> List.of(incidents
                        .reportForHotline(new ReportIncident(
                                Dongying.NOISE,
                                "来电反映广场舞音响扰民",
                                null,
                                null,
                                null,
                                "大王镇广场",
                                spot.grid(),
                                "赵先生",
                                null,
                                List.of()))
                        .incident()
                        .id()))
                .get(0);
        assertThat(facts.of(List.of(byAddress)).get(0).longitude()).isNull();
        sameFactsWithinAndAfter(byAddress, () -> incidents.reject(byAddress, plain("非本辖区事项"), village));

        UUID survivor = reportNoise("广场舞噪音");
        UUID duplicate = reportNoise("广场舞噪音（又一人反映）");
        sameFactsWithinAndAfter(() -> {
            incidents.merge(duplicate, new IncidentCommand.Merge(survivor, "", List.of()), village);
            return List.of(duplicate, survivor);
        });
        assertThat(facts.of(List.of(duplicate)).get(0).status()).isEqualTo("MERGED");

        UUID late = reportNoise("无人受理的噪音");
        sameFactsWithinAndAfter(late, () -> {
            IncidentStore.Loaded loaded = store.load(new IncidentId(late)).orElseThrow();
            long version = loaded.incident().version();
            Instant overdue = loaded.incident().stage().orElseThrow().deadline().plus(Duration.ofMinutes(1));
            assertThat(loaded.incident()
                            .markOverdue(
                                    overdue,
                                    routing.parentOf(loaded.incident().owner()).orElse(null))
                            .isAllowed())
                    .isTrue();
            assertThat(store.save(loaded, version, overdue)).isTrue();
        });
        assertThat(facts.of(List.of(late)).get(0).overdues()).isEqualTo(1);
    }

    @Test
    void theEntryAnActionJustRecordedIsToldAsItIsStored() {
        UUID id = reportNoise("店铺喇叭外放");

        HistoryView.Entry within = tx.execute(status -> {
            incidents.accept(id, plain("情况属实，予以受理"), village);
            return incidents.historyEntry(id, 2).orElseThrow();
        });

        assertThat(within.comment()).isEqualTo("情况属实，予以受理");
        assertThat(within.actorName()).isEqualTo(village.displayName());
        assertThat(incidents.historyEntry(id, 2)).contains(within);
        assertThat(incidents.historyEntry(id, 1).orElseThrow().action()).isEqualTo("REPORT");
        assertThat(incidents.historyEntry(id, 3)).isEmpty();
    }

    @Test
    void aTransactionOfItsOwnStartedWithinAnActionLearnsOnlyWhatIsCommitted() {
        UUID id = reportNoise("门店促销喇叭");
        TransactionTemplate ofItsOwn = new TransactionTemplate(transactions);
        ofItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        tx.executeWithoutResult(status -> {
            incidents.accept(id, plain("予以受理"), village);
            assertThat(facts.of(List.of(id)).get(0).status()).isEqualTo("ACCEPTED");

            ofItsOwn.executeWithoutResult(inner -> {
                assertThat(store.saved(new IncidentId(id))).isEmpty();
                assertThat(facts.of(List.of(id)).get(0).status()).isEqualTo("REPORTED");
            });

            assertThat(facts.of(List.of(id)).get(0).status()).isEqualTo("ACCEPTED");
        });
    }

    @Test
    void anInstantIsGivenAsTheDatabaseKeepsIt() {
        for (String time : List.of(
                "2026-03-09T01:20:00.123Z",
                "2026-03-09T01:20:00.123456Z",
                "2026-03-09T01:20:00.123456499Z",
                "2026-03-09T01:20:00.123456500Z",
                "2026-03-09T01:20:00.000000001Z",
                "2026-03-09T01:20:59.999999999Z")) {
            Instant instant = Instant.parse(time);
            Instant stored = jdbc.sql("SELECT CAST(:at AS timestamptz)")
                    .param("at", instant.atOffset(ZoneOffset.UTC))
                    .query(OffsetDateTime.class)
                    .single()
                    .toInstant();

            assertThat(IncidentFacts.asStored(instant)).as(time).isEqualTo(stored);
        }
    }
}
