package org.onegrid.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a person sees when a page cannot answer: the error page in Chinese with the console's frame, never Spring's
 * English Whitelabel page or a problem document's JSON; and a malformed form changes nothing.
 */
@IntegrationTest
class PageErrorsTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Staff staff;

    @Autowired
    Grids grids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIncidentOutsideTheUsersRegionIsTheChinese404PageNotJson() {
        IncidentView inDawang = Reports.noise(incidents, staff, grids, "页面错误 范围外 " + UUID.randomUUID());

        HttpResponse<String> r = Pages.signIn(port, "daozhuang.dispatcher").get("/incidents/" + inDawang.id());

        assertErrorPage(r, 404, "页面不存在");
        assertThat(r.body()).doesNotContain("\"status\"", "Whitelabel");
    }

    @Test
    void anUnknownPageAndAForbiddenOneAreChineseErrorPages() {
        Pages gridWorker = Pages.signIn(port, "gridworker");

        assertErrorPage(gridWorker.get("/no-such-page"), 404, "页面不存在");
        assertErrorPage(gridWorker.get("/admin/users"), 403, "无权访问");
    }

    @Test
    void theErrorPageFollowsTheReadersLanguage() {
        HttpResponse<String> r = Pages.signIn(port, "gridworker").get("/no-such-page?lang=en");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Not found");
    }

    @Test
    void aFormWithoutItsVersionOrWithANonNumericOneIsRefusedAndChangesNothing() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "页面错误 版本 " + UUID.randomUUID());
        Pages dispatcher = Pages.signIn(port, "village.dispatcher");
        dispatcher.get("/incidents/" + incident.id());

        HttpResponse<String> without = dispatcher.post("/incidents/" + incident.id() + "/accept", Map.of());
        assertErrorPage(without, 400, "请求无效");
        assertThat(without.body()).contains("version");
        assertErrorPage(
                dispatcher.post("/incidents/" + incident.id() + "/accept", Map.of("version", "abc")), 400, "请求无效");

        assertThat(entries(incident)).isEqualTo(1);
    }

    @Test
    void anUnknownActionIsTheChinese404Page() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "页面错误 动作 " + UUID.randomUUID());
        Pages dispatcher = Pages.signIn(port, "village.dispatcher");
        dispatcher.get("/incidents/" + incident.id());

        assertErrorPage(
                dispatcher.post("/incidents/" + incident.id() + "/frobnicate", Map.of("version", "1")), 404, "页面不存在");
        assertThat(entries(incident)).isEqualTo(1);
    }

    @Test
    void aControlCharacterInAFormIsRefusedNamingTheFieldAndChangesNothing() {
        IncidentView incident = Reports.noise(incidents, staff, grids, "页面错误 字符 " + UUID.randomUUID());
        Pages dispatcher = Pages.signIn(port, "village.dispatcher");
        dispatcher.get("/incidents/" + incident.id());

        for (String bad : new String[] {"理由\u0000", "从微信粘贴\u000B的理由", "\u0001"}) {
            HttpResponse<String> r = dispatcher.post(
                    "/incidents/" + incident.id() + "/reject",
                    Map.of("version", String.valueOf(incident.version()), "comment", bad));
            assertErrorPage(r, 400, "请求无效");
            assertThat(r.body()).contains("comment");
        }
        assertThat(entries(incident)).isEqualTo(1);
    }

    @Test
    void aNulInAQueryOfTheWorkbenchOrTheTypePickersIsRefused() {
        Pages dispatcher = Pages.signIn(port, "village.dispatcher");

        assertErrorPage(dispatcher.get("/workbench?grid=%00"), 400, "请求无效");
        assertErrorPage(Pages.signIn(port, "gridworker").get("/m/types?q=%00"), 400, "请求无效");
        assertErrorPage(dispatcher.get("/r/types?q=%00"), 400, "请求无效");
    }

    @Test
    void aDayOutOfRangeOnTheWorkbenchIsShownBesideTheFilter() {
        HttpResponse<String> r = Pages.signIn(port, "village.dispatcher").get("/workbench?from=-999999999-01-01");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("事件工作台", "from must be a day from 1970-01-01");
    }

    @Test
    void aResidentsReportWithANulIsRefusedAndCreatesNothing() {
        long before = jdbc.queryForObject("SELECT count(*) FROM incident", Long.class);
        Pages resident = Pages.anonymous(port);
        resident.get("/r/report");

        HttpResponse<String> r = resident.post(
                "/r/report",
                Map.of("itemCode", Reports.NOISE, "text", "楼上\u0000噪音", "lng", "118.4852", "lat", "37.1063"));

        assertErrorPage(r, 400, "请求无效");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident", Long.class))
                .isEqualTo(before);
    }

    private long entries(IncidentView incident) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM incident_history WHERE incident_id = ?::uuid",
                Long.class,
                incident.id().toString());
    }

    private static void assertErrorPage(HttpResponse<String> r, int status, String title) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("lang=\"zh-CN\"", title, "错误代码 " + status);
    }
}
