package org.onegrid.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentFilter;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Incidents as staff say them: by their number (事件编号), their grid's name and their current step, with a trail
 * that says whether it verifies, under the platform's own name.
 */
@IntegrationTest
class NamesAndNumbersPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Staff staff;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    static final String TODAY =
            LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().replace("-", "");

    @Test
    void reportsMadeAtOnceGetDistinctNumbersOfTheirDay() throws Exception {
        int reports = 8;
        ExecutorService pool = Executors.newFixedThreadPool(reports);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IncidentView>> made = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                int n = i;
                made.add(pool.submit(() -> {
                    start.await();
                    return Reports.noise(incidents, staff, grids, "同时上报 " + n);
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<IncidentView> f : made) {
                numbers.add(f.get().number());
            }
            assertThat(numbers).allMatch(n -> n.matches("DY-" + TODAY + "-\\d{4,}"));
            assertThat(new HashSet<>(numbers)).hasSize(reports);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDispatcherFindsAnIncidentByItsWholeNumberOrItsTail() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "按编号查找 " + UUID.randomUUID());
        String number = incident.number();
        String tail = number.substring(number.lastIndexOf('-') + 1);
        Pages pages = Pages.signIn(port, "village.dispatcher");

        assertThat(pages.get("/workbench?status=REPORTED&text=" + number).body())
                .contains(incident.id().toString(), ">" + number + "<");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(pages.get("/workbench?status=REPORTED&from=" + today + "&to=" + today + "&text=" + tail)
                        .body())
                .contains(incident.id().toString());

        StaffPrincipal dispatcher = Reports.principal(staff, "village.dispatcher");
        assertThat(incidents.list(filter(number), dispatcher).items())
                .singleElement()
                .satisfies(found -> assertThat(found.id()).isEqualTo(incident.id()));
        assertThat(incidents.list(filter(TODAY + "-" + tail), dispatcher).items())
                .extracting(i -> i.id())
                .containsExactly(incident.id());
        // outside the caller's region a number finds nothing, as if it did not exist
        assertThat(incidents
                        .list(filter(number), Reports.principal(staff, "daozhuang.dispatcher"))
                        .items())
                .isEmpty();
    }

    @Test
    void theListFilterRefusesWhatCannotBeANumber() {
        assertThatThrownBy(() -> incidents.list(filter("第三件"), Reports.principal(staff, "village.dispatcher")))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }

    @Test
    void theWorkbenchNamesTheGridAndShowsTheNumber() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "网格名称 " + UUID.randomUUID());
        String gridName = grids.find(incident.gridCode()).orElseThrow().name();

        String page = Pages.signIn(port, "village.dispatcher")
                .get("/workbench?status=REPORTED&text=" + incident.number())
                .body();
        assertThat(page).contains(gridName, incident.number()).doesNotContain(">" + incident.gridCode() + "<");
    }

    @Test
    void theTrailSaysEachEntryVerifiesAndWhichDoNotOnceOneIsTamperedWith() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "留痕校验 " + UUID.randomUUID());
        incidents.accept(
                incident.id(),
                new IncidentCommand.Plain("予以受理", List.of()),
                Reports.principal(staff, "village.dispatcher"));
        Pages pages = Pages.signIn(port, "village.dispatcher");

        String sound = pages.get("/incidents/" + incident.id()).body();
        assertThat(sound).contains("✓ 校验通过").doesNotContain("校验未通过");
        assertThat(sound).doesNotContainPattern(">#1 [0-9a-f]{16}<");

        tx.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE incident_history DISABLE TRIGGER incident_history_no_update_or_delete")
                    .update();
            jdbc.sql("UPDATE incident_history SET comment = '情况不属实' WHERE incident_id = :id AND sequence = 2")
                    .param("id", incident.id())
                    .update();
            jdbc.sql("ALTER TABLE incident_history ENABLE TRIGGER incident_history_no_update_or_delete")
                    .update();
        });
        String tampered = pages.get("/incidents/" + incident.id()).body();
        assertThat(tampered).contains("✓ 校验通过", "✗ 校验未通过", "校验未通过（自第 2 条起）");
    }

    @Test
    void afterAcceptingThePanelNamesTheDispatchStepAndOffersSupervisorsByName() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "环节名称 " + UUID.randomUUID());
        Pages pages = Pages.signIn(port, "village.dispatcher");
        assertThat(pages.get("/incidents/" + incident.id()).body()).contains("受理环节（待受理）");

        incidents.accept(
                incident.id(),
                new IncidentCommand.Plain("", List.of()),
                Reports.principal(staff, "village.dispatcher"));
        String accepted = pages.get("/incidents/" + incident.id()).body();
        String gridName = grids.find(incident.gridCode()).orElseThrow().name();
        var worker = staff.findByUsername("gridworker").orElseThrow();
        assertThat(accepted)
                .contains("派遣环节（已受理，待派遣）", worker.displayName() + "（" + gridName + "）")
                .doesNotContain("受理环节（", "（gridworker）");

        incidents.dispatch(
                incident.id(),
                new IncidentCommand.Dispatch("DUAL", "chengguan", List.of(), worker.id(), null, "", List.of()),
                Reports.principal(staff, "village.dispatcher"));
        String dispatched = pages.get("/incidents/" + incident.id()).body();
        assertThat(dispatched).contains("处置环节（待签收）", "督办网格员", worker.displayName() + "（" + gridName + "）", "承办部门");
    }

    @Test
    void everyPageIsTitledWithThePlatformsName() {
        assertThat(Pages.anonymous(port).get("/login").body()).contains("<title>登录 · 东营市一网统管</title>");
        String workbench =
                Pages.signIn(port, "village.dispatcher").get("/workbench").body();
        assertThat(workbench).contains("<title>事件工作台 · 东营市一网统管</title>").doesNotContain("OneGrid");
    }

    @Test
    void theGridWorkersPhoneNamesTheirGridsAndListsNumbers() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "手机列表 " + UUID.randomUUID());
        String gridName = grids.find(incident.gridCode()).orElseThrow().name();
        Pages phone = Pages.signIn(port, "gridworker");

        assertThat(phone.get("/m").body()).contains(gridName).doesNotContain("负责网格：" + incident.gridCode());
        assertThat(phone.get("/m/mine").body()).contains(incident.number());
    }

    @Test
    void aHandlerFindsTheDepartmentsIncidentByItsNumber() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "部门按编号 " + UUID.randomUUID());
        StaffPrincipal dispatcher = Reports.principal(staff, "village.dispatcher");
        incidents.accept(incident.id(), new IncidentCommand.Plain("", List.of()), dispatcher);
        incidents.dispatch(
                incident.id(),
                new IncidentCommand.Dispatch("SINGLE", "chengguan", List.of(), null, null, "", List.of()),
                dispatcher);
        // the county branch of 城管执法局 that serves 大王镇 (广饶县)
        String handler = "chengguan."
                + grids.location(incident.gridCode()).orElseThrow().county().code();

        HttpResponse<String> found = Pages.signIn(port, handler).get("/inbox?q=" + incident.number());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(incident.number(), "找到 1 件");
    }

    private static IncidentFilter filter(String number) {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, number, null, 0, 20);
    }
}
