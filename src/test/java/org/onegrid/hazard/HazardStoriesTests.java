package org.onegrid.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.Api;
import org.onegrid.IntegrationTest;
import org.onegrid.casework.CaseEntry;
import org.onegrid.casework.CaseHistory;
import org.onegrid.region.Grids;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The two stories of the issue, end to end, with verifying histories: a county's monthly screening of hazardous
 * chemicals enterprises to 销号 through 挂牌督办; a pilot task from its order to 销号.
 */
@IntegrationTest
class HazardStoriesTests {

    @LocalServerPort
    int port;

    @Autowired
    Screening screening;

    @Autowired
    Hazards hazards;

    @Autowired
    LedgerTasks ledgerTasks;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Organisations organisations;

    @Autowired
    CaseHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aCountysMonthlyChemicalsScreeningFindsAMajorHazardThatIsSupervisedRectifiedAcceptedAndClosed() {
        StaffPrincipal admin = Places.principal(staff, "admin");
        StaffPrincipal worker = Places.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        long plant = Places.organisation(registry, grids, grid, "鲁源化工有限公司", OrganisationTag.HAZARDOUS_CHEMICALS, admin);
        var p = Places.point(grids, grid);

        // 1. The county emergency bureau orders monthly screening of its hazardous-chemicals enterprises by the towns.
        Api bureau = Api.as(port, "yingji.370523");
        HttpResponse<String> ordered = bureau.post(
                "/api/v1/screening-plans",
                Map.of(
                        "name", "危化品企业月度安全隐患排查",
                        "targetKind", "ORGANISATIONS",
                        "targetTag", "HAZARDOUS_CHEMICALS",
                        "frequency", "每月",
                        "owner", "TOWN",
                        "dueDays", 20,
                        "checklist",
                                List.of(
                                        Map.of(
                                                "code",
                                                "1",
                                                "text",
                                                "储罐区设有液位、温度、压力监测并联网",
                                                "evidence",
                                                "PHOTO",
                                                "failGrade",
                                                "MAJOR"),
                                        Map.of(
                                                "code",
                                                "2",
                                                "text",
                                                "消防器材完好有效",
                                                "evidence",
                                                "NONE",
                                                "failGrade",
                                                "GENERAL"))));
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
        UUID planId = UUID.fromString(Api.json(ordered).get("id").asString());
        assertThat(Api.json(ordered).get("frequencyLabel").asString()).isEqualTo("每月");

        // the period's tasks exist once, even when generation runs again (another node, a restart)
        assertThat(screening.generate(planId)).isZero();
        UUID taskId = jdbc.sql("SELECT id FROM hazard_task WHERE plan_id = :p AND target_org_id = :o")
                .param("p", planId)
                .param("o", plant)
                .query(UUID.class)
                .single();

        // 2. The town's safety officer finds it among their tasks and screens the plant on site.
        Api town = Api.as(port, "dawang.dispatcher");
        JsonNode mine = Api.json(town.get("/api/v1/screening-tasks/mine"));
        assertThat(mine.findValuesAsString("id")).contains(taskId.toString());
        String photo = hazards.upload(Places.png(), Places.principal(staff, "dawang.dispatcher"))
                .toString();
        HttpResponse<String> done = town.post(
                "/api/v1/screening-tasks/" + taskId + "/complete",
                Map.of(
                        "lng", p.getX(),
                        "lat", p.getY() + 0.0003,
                        "answers",
                                List.of(
                                        Map.of(
                                                "itemCode",
                                                "1",
                                                "verdict",
                                                "FAIL",
                                                "note",
                                                "2号储罐无液位、压力监测，未接入监控平台",
                                                "photoIds",
                                                List.of(photo)),
                                        Map.of("itemCode", "2", "verdict", "PASS"))));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode task = Api.json(done);
        assertThat(task.get("state").asString()).isEqualTo("DONE");
        assertThat(task.get("findings").asInt()).isEqualTo(1);
        UUID hazardId = UUID.fromString(task.get("hazardIds").get(0).asString());
        JsonNode found = Api.json(town.get("/api/v1/hazards/" + hazardId)).get("hazard");
        assertThat(found.get("grade").asString()).isEqualTo("MAJOR");
        assertThat(found.get("unitName").asString()).isEqualTo("鲁源化工有限公司");

        // 3. The county bureau issues the rectification notice: 30 days.
        LocalDate today = LocalDate.now(CityTime.ZONE);
        HttpResponse<String> notified = bureau.post(
                "/api/v1/hazards/" + hazardId + "/notice",
                Map.of("deadline", today.plusDays(30).toString(), "requirements", "储罐区加装液位、温度、压力监测，接入县应急监控平台"));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(200);
        assertThat(Api.json(notified).get("light").asString()).isEqualTo("GREEN");
        JsonNode notice = Api.json(bureau.get("/api/v1/hazards/" + hazardId + "/notice"));
        assertThat(notice.get("title").asString()).isEqualTo("隐患整改通知书");
        assertThat(notice.get("addressee").asString()).isEqualTo("鲁源化工有限公司");
        assertThat(notice.get("paragraphs").toString())
                .contains("重大隐患")
                .contains("五到位")
                .contains("整改完毕");
        HttpResponse<String> measures = bureau.post(
                "/api/v1/hazards/" + hazardId + "/measures",
                Map.of(
                        "measures", "加装液位计、压力变送器并联网",
                        "funds", 86000,
                        "deadline", today.plusDays(30).toString(),
                        "responsible", "张厂长",
                        "emergencyPlan", "储罐区24小时专人值守，备足围堰和应急物资"));
        assertThat(measures.statusCode()).as(measures.body()).isEqualTo(200);

        // 4. The enterprise misses the 30-day deadline: the scan marks it and tells the city.
        StaffPrincipal city = Places.principal(staff, "city.dispatcher");
        Hazards in32Days = hazards.withClock(Places.inDays(32));
        assertThat((int) tx.execute(s -> in32Days.scanOverdue())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM notification WHERE case_id = :id AND kind = 'hazard-overdue' AND recipient_org_id = :org")
                        .param("id", hazardId)
                        .param("org", city.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // 5. The city puts it under 挂牌督办 with its own deadline.
        HazardView supervised = tx.execute(s -> in32Days.supervise(
                hazardId, new HazardCommands.Supervise(today.plusDays(47), "市级挂牌督办，限15日内整改到位", null), city));
        assertThat(supervised.supervisionLevel()).isEqualTo(1);
        assertThat(supervised.statusLabel()).isEqualTo("整改中（挂牌督办）");
        assertThat(supervised.deadline()).isEqualTo(today.plusDays(47));

        // 6. Rectified (reported by the town), accepted by the county that issued the notice, closed.
        StaffPrincipal townOfficer = Places.principal(staff, "dawang.dispatcher");
        StaffPrincipal county = Places.principal(staff, "yingji.370523");
        UUID after = hazards.upload(Places.png(), townOfficer);
        Hazards in40Days = hazards.withClock(Places.inDays(40));
        tx.execute(s -> in40Days.reportRectification(
                hazardId,
                new HazardCommands.ReportRectification("已加装液位计和压力变送器，接入县平台", List.of(after.toString()), null),
                townOfficer));
        tx.execute(s ->
                in40Days.accept(hazardId, new HazardCommands.Accept(true, "现场核查：监测数据在线", List.of(), null), county));
        HazardView closed =
                tx.execute(s -> in40Days.close(hazardId, new HazardCommands.Close("整改完成，予以销号", null), county));
        assertThat(closed.status()).isEqualTo("CLOSED");
        // rectified within the supervision's deadline, but after the notice's: not on time
        assertThat(closed.rectifiedOnTime()).isFalse();

        // the history holds every step, chained and unbroken
        List<CaseEntry> steps = history.of("hazard", hazardId);
        assertThat(steps)
                .extracting(CaseEntry::action)
                .containsExactly(
                        "FIND", "NOTIFY", "PLAN_MEASURES", "OVERDUE", "SUPERVISE", "RECTIFY", "ACCEPT", "CLOSE");
        assertThat(history.verify("hazard", hazardId).holds()).isTrue();
        assertThat(history.verify("screening-task", taskId).holds()).isTrue();
        assertThat(history.of("screening-plan", planId))
                .extracting(CaseEntry::action)
                .startsWith("ORDER", "GENERATE");

        // the ledger shows it closed, and the county's figures count it
        JsonNode ledger = Api.json(bureau.get("/api/v1/hazards?status=CLOSED&grade=MAJOR&unit=" + plant));
        assertThat(ledger.get("total").asLong()).isEqualTo(1);
        JsonNode figures = Api.json(bureau.get("/api/v1/hazards/figures"));
        assertThat(figures.get("closed").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPilotTaskWithThreeMilestonesIsReportedMonthlyUrgedWhenOverdueEvaluatedAndClosed() {
        StaffPrincipal city = Places.principal(staff, "city.dispatcher");
        long lead = organisations
                .findByCode("370523.yingji")
                .map(o -> o.id())
                .orElseGet(() -> Places.principal(staff, "yingji.370523").orgId());
        StaffPrincipal leadUser = Places.principal(staff, "yingji.370523");
        StaffPrincipal coUser = Places.principal(staff, "dawang.dispatcher");
        LocalDate today = LocalDate.now(CityTime.ZONE);

        Api cityApi = Api.as(port, "city.dispatcher");
        HttpResponse<String> ordered = cityApi.post(
                "/api/v1/ledger-tasks",
                Map.of(
                        "kind",
                        "PILOT",
                        "title",
                        "“网格+应急”融合试点",
                        "goal",
                        "镇域网格员全部承担安全巡查职责",
                        "leadOrgId",
                        leadUser.orgId(),
                        "coUnitIds",
                        List.of(coUser.orgId()),
                        "milestones",
                        List.of(
                                Map.of(
                                        "name",
                                        "制定试点方案",
                                        "deadline",
                                        today.plusDays(10).toString()),
                                Map.of(
                                        "name",
                                        "完成网格员培训",
                                        "deadline",
                                        today.plusDays(40).toString()),
                                Map.of(
                                        "name",
                                        "全面运行",
                                        "deadline",
                                        today.plusDays(80).toString()))));
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
        UUID id = UUID.fromString(Api.json(ordered).get("id").asString());
        assertThat(lead).isEqualTo(leadUser.orgId());

        // monthly 调度 from each unit
        HttpResponse<String> reported = Api.as(port, "yingji.370523")
                .post(
                        "/api/v1/ledger-tasks/" + id + "/reports",
                        Map.of("month", YearMonth.now(CityTime.ZONE).toString(), "progress", "试点方案已起草，征求意见中"));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        Api.as(port, "dawang.dispatcher")
                .post(
                        "/api/v1/ledger-tasks/" + id + "/reports",
                        Map.of("month", YearMonth.now(CityTime.ZONE).toString(), "progress", "梳理镇域网格和重点企业"));

        // the first milestone is met; the second passes its deadline and is urged by the scan, once
        ledgerTasks.completeMilestone(id, new LedgerTaskCommands.CompleteMilestone(1, "方案已印发", null), leadUser);
        LedgerTasks in45Days = ledgerTasks.withClock(Places.inDays(45));
        assertThat((int) tx.execute(s -> in45Days.urgeOverdue())).isGreaterThanOrEqualTo(1);
        assertThat((int) tx.execute(s -> in45Days.urgeOverdue())).isZero();
        LedgerTaskView urged = in45Days.find(id, city).orElseThrow();
        assertThat(urged.milestones().get(1).urgedOn()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE case_id = :id AND kind = 'task-urged'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        tx.execute(s -> in45Days.report(
                id,
                new LedgerTaskCommands.Report(YearMonth.from(today.plusDays(45)).toString(), "培训推迟，已补训 80 人", null),
                leadUser));
        tx.execute(s -> in45Days.completeMilestone(
                id, new LedgerTaskCommands.CompleteMilestone(2, "培训 120 人", null), leadUser));

        // quarterly evaluation, the last milestone, 销号
        LedgerTasks in81Days = ledgerTasks.withClock(Places.inDays(81));
        LocalDate day81 = today.plusDays(81);
        String quarter = day81.getYear() + "-Q" + ((day81.getMonthValue() - 1) / 3 + 1);
        tx.execute(
                s -> in81Days.evaluate(id, new LedgerTaskCommands.Evaluate(quarter, "NOT_MET", "第二个节点逾期", null), city));
        tx.execute(s ->
                in81Days.completeMilestone(id, new LedgerTaskCommands.CompleteMilestone(3, "全镇运行", null), leadUser));
        LedgerTaskView closed = tx.execute(s -> in81Days.close(id, new LedgerTaskCommands.Close("试点完成", null), city));
        assertThat(closed.closed()).isTrue();
        assertThat(closed.evaluations())
                .extracting(LedgerTaskView.Evaluation::resultLabel)
                .containsExactly("未达标");
        assertThat(closed.reports()).hasSize(3);

        assertThat(history.of("ledger-task", id))
                .extracting(CaseEntry::action)
                .containsExactly(
                        "ORDER",
                        "REPORT",
                        "REPORT",
                        "MILESTONE",
                        "URGE",
                        "REPORT",
                        "MILESTONE",
                        "EVALUATE",
                        "MILESTONE",
                        "CLOSE");
        assertThat(history.verify("ledger-task", id).holds()).isTrue();
    }
}
