package org.onegrid.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workbench and the incident page over HTTP, as a signed-in dispatcher's browser gets them. */
@IntegrationTest
class WorkbenchPageTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Staff staff;

    @Autowired
    Notifications notifications;

    @Autowired
    Grids grids;

    @Test
    void aTownDispatcherSeesOnlyTheIncidentsOfItsOwnTown() {
        String marker = "工作台范围" + UUID.randomUUID().toString().substring(0, 8);
        IncidentView inDawang = Reports.noise(incidents, staff, grids, marker + " 商铺喇叭叫卖");

        HttpResponse<String> dawang =
                Pages.signIn(port, "dawang.dispatcher").get("/workbench?status=REPORTED&text=" + marker);
        assertThat(dawang.statusCode()).isEqualTo(200);
        assertThat(dawang.body()).contains("事件工作台", "待受理", inDawang.id().toString());

        HttpResponse<String> daozhuang =
                Pages.signIn(port, "daozhuang.dispatcher").get("/workbench?status=REPORTED&text=" + marker);
        assertThat(daozhuang.statusCode()).isEqualTo(200);
        assertThat(daozhuang.body()).doesNotContain(inDawang.id().toString()).contains("没有符合条件的事件");

        // the whole queue of 大王镇 holds nothing of another town: every row lies in 370523101
        HttpResponse<String> all = Pages.signIn(port, "dawang.dispatcher").get("/workbench?status=CLOSED");
        assertThat(all.body()).containsPattern("data-id=");
        assertThat(java.util.regex.Pattern.compile("<span class=\"muted\" title=\"(\\d{15,})\">")
                        .matcher(all.body())
                        .results()
                        .map(m -> m.group(1)))
                .isNotEmpty()
                .allMatch(grid -> grid.startsWith("370523101"));
    }

    @Test
    void aDispatcherFindsAGridsIncidentsByTheGridsNameNotItsCode() {
        String marker = "网格名称" + UUID.randomUUID().toString().substring(0, 8);
        IncidentView reported = Reports.noise(incidents, staff, grids, marker + " 商铺喇叭叫卖");
        String name = grids.find(reported.gridCode()).orElseThrow().name();
        String other = grids.inRegion(reported.villageCode()).stream()
                .filter(g -> !g.code().equals(reported.gridCode()))
                .findFirst()
                .orElseThrow()
                .name();

        // the city has thousands of grids: the name is typed
        Pages city = Pages.signIn(port, "city.dispatcher");
        assertThat(city.get("/workbench?status=REPORTED&text=" + marker + "&grid=" + encode(name))
                        .body())
                .contains(reported.id().toString());
        assertThat(city.get("/workbench?status=REPORTED&text=" + marker + "&grid=" + encode(other))
                        .body())
                .doesNotContain(reported.id().toString());

        // a town's grids are offered by name in a list
        String town = Pages.signIn(port, "dawang.dispatcher").get("/workbench").body();
        assertThat(town).contains("<select id=\"f-grid\"", ">" + name + "</option>");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void htmxPagingGetsOnlyTheList() throws Exception {
        Pages pages = Pages.signIn(port, "city.dispatcher");
        HttpResponse<String> full = pages.get("/workbench?status=CLOSED&page=1");
        assertThat(full.body()).contains("<html", "id=\"queue\"", "第 2 / ");
    }

    @Test
    void anIncidentPageShowsTheHistoryVerifiedAndOnlyTheOwnersActions() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "详情页 楼下商铺大喇叭叫卖");

        HttpResponse<String> owner = Pages.signIn(port, "village.dispatcher").get("/incidents/" + incident.id());
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.body())
                .contains("噪音扰民", "全程留痕 · 哈希链校验通过 ✓", "138****5678", "form-accept", "form-reject")
                .doesNotContain("13812345678", "form-dispatch", "form-supervise");

        HttpResponse<String> town = Pages.signIn(port, "dawang.dispatcher").get("/incidents/" + incident.id());
        assertThat(town.body()).contains("form-urge", "form-supervise").doesNotContain("form-accept");

        HttpResponse<String> otherTown =
                Pages.signIn(port, "daozhuang.dispatcher").get("/incidents/" + incident.id());
        assertThat(otherTown.statusCode()).isEqualTo(404);
    }

    @Test
    void aRejectionWithoutReasonIsRefusedBesideTheField() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "无理由驳回 测试");
        Pages pages = Pages.signIn(port, "village.dispatcher");
        String page = pages.get("/incidents/" + incident.id()).body();

        HttpResponse<String> refused = pages.post(
                "/incidents/" + incident.id() + "/reject",
                Map.of("version", Pages.hidden(page, "version"), "seen", Pages.hidden(page, "seen"), "comment", " "));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error", "请填写理由。");
        assertThat(incidents
                        .find(incident.id(), Reports.principal(staff, "village.dispatcher"))
                        .orElseThrow()
                        .status())
                .isEqualTo("REPORTED");
    }

    @Test
    void aRefusalOfTheIncidentRulesIsSaidInTheReadersLanguage() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "自身合并 测试");
        Pages pages = Pages.signIn(port, "village.dispatcher");
        String page = pages.get("/incidents/" + incident.id()).body();
        Map<String, String> mergeIntoItself = Map.of(
                "version",
                Pages.hidden(page, "version"),
                "seen",
                Pages.hidden(page, "seen"),
                "into",
                incident.id().toString(),
                "comment",
                "重复");

        HttpResponse<String> chinese = pages.post("/incidents/" + incident.id() + "/merge", mergeIntoItself);
        assertThat(chinese.statusCode()).isEqualTo(409);
        assertThat(chinese.body()).contains("事件不能与自身合并").doesNotContain("cannot be merged");

        pages.get("/workbench?lang=en");
        HttpResponse<String> english = pages.post("/incidents/" + incident.id() + "/merge", mergeIntoItself);
        assertThat(english.body()).contains("An incident cannot be merged into itself");
        assertThat(incidents
                        .find(incident.id(), Reports.principal(staff, "village.dispatcher"))
                        .orElseThrow()
                        .status())
                .isEqualTo("REPORTED");
    }

    @Test
    void aStaleFormShowsWhatChangedMeanwhileInsteadOfActing() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "过期表单 测试");
        Pages pages = Pages.signIn(port, "village.dispatcher");
        String page = pages.get("/incidents/" + incident.id()).body();
        String version = Pages.hidden(page, "version");
        String seen = Pages.hidden(page, "seen");

        // a colleague at the same centre accepts it first
        incidents.accept(
                incident.id(),
                new org.onegrid.incident.IncidentCommand.Plain("已电话核实", java.util.List.of()),
                Reports.principal(staff, "vd370523101001"));

        HttpResponse<String> stale = pages.post(
                "/incidents/" + incident.id() + "/reject",
                Map.of("version", version, "seen", seen, "comment", "不属于受理范围"));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("此事件已被他人处理：状态由 待受理 变为 已受理", "已电话核实", "form-dispatch")
                .doesNotContain("form-reject");
        assertThat(incidents
                        .find(incident.id(), Reports.principal(staff, "village.dispatcher"))
                        .orElseThrow()
                        .status())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void theBellCountsUnreadNotificationsAndThePageMarksThemRead() {
        Reports.noise(incidents, staff, grids, "铃铛 测试");
        Pages pages = Pages.signIn(port, "village.dispatcher");
        String badge = pages.get("/notifications/badge").body();
        assertThat(badge).containsPattern("<span class=\"count\">\\d+\\+?</span>");

        String list = pages.get("/notifications?unread=true").body();
        assertThat(list).contains("消息通知", "新事件");
        java.util.regex.Matcher first =
                java.util.regex.Pattern.compile("/notifications/(\\d+)/read").matcher(list);
        assertThat(first.find()).isTrue();
        long before = unread(pages);
        HttpResponse<String> after = pages.post("/notifications/" + first.group(1) + "/read", Map.of());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(unread(pages)).isEqualTo(before - 1);
    }

    @Test
    void aNoticeAboutAHazardIsNamedByItsKindAndLeadsToTheHazardsPage() {
        org.onegrid.staff.StaffPrincipal me = Reports.principal(staff, "village.dispatcher");
        UUID hazard = UUID.randomUUID();
        notifications.notify(
                java.util.List.of(Notifications.user(me.userId())),
                "hazard",
                hazard,
                "hazard-overdue",
                "隐患逾期：页面测试",
                java.time.Instant.now());
        Pages pages = Pages.signIn(port, "village.dispatcher");
        String list = pages.get("/notifications?unread=true").body();
        assertThat(list).contains("隐患逾期：页面测试", ">隐患<", "查看隐患").doesNotContain("??");
        long id = notifications.mine(me, true, 0, 200).items().stream()
                .filter(n -> n.text().equals("隐患逾期：页面测试"))
                .findFirst()
                .orElseThrow()
                .id();
        HttpResponse<String> opened =
                pages.post("/notifications/" + id + "/read", Map.of("open", hazard.toString(), "kind", "hazard"));
        assertThat(opened.uri().getPath()).isEqualTo("/hazards/" + hazard);
    }

    private static long unread(Pages pages) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("未读 (\\d+) 条")
                .matcher(pages.get("/notifications").body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
