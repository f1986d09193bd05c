package org.onegrid.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.region.Grids;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A town's safety officer screens a chemical plant on the phone at the place: the checklist answered, the tank's
 * failure with its photo; the hazard appears in the county's ledger, whose spreadsheet opens with the same rows.
 */
@IntegrationTest
class ScreeningBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Screening screening;

    @Autowired
    Hazards hazards;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    @Test
    void aTownSafetyOfficerScreensAPlantOnThePhoneAndTheFindingReachesTheCountysLedger() throws Exception {
        StaffPrincipal admin = Places.principal(staff, "admin");
        StaffPrincipal worker = Places.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        long plant =
                Places.organisation(registry, grids, grid, "华星石化储运有限公司", OrganisationTag.HAZARDOUS_CHEMICALS, admin);
        StaffPrincipal bureau = Places.principal(staff, "yingji.370523");
        PlanView plan = screening.orderPlan(
                new OrderPlan(
                        "危化品储运企业半月排查",
                        null,
                        "ORGANISATIONS",
                        "HAZARDOUS_CHEMICALS",
                        "每半月",
                        null,
                        null,
                        List.of(
                                new OrderPlan.Item("1", "储罐区液位、压力监测在线", "PHOTO_AND_NOTE", "MAJOR"),
                                new OrderPlan.Item("2", "安全出口畅通、标识清晰", "NONE", "GENERAL")),
                        "TOWN"),
                bureau);
        UUID task = jdbc.sql("SELECT id FROM hazard_task WHERE plan_id = :p AND target_org_id = :o")
                .param("p", plan.id())
                .param("o", plant)
                .query(UUID.class)
                .single();
        Point at = Places.point(grids, grid);

        // on the phone, at the plant's gate (about 40 m from its address point)
        browser = Browser.start(390, 844);
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride",
                Map.of("latitude", at.getY() + 40 / 111_195.0, "longitude", at.getX(), "accuracy", 10));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("dawang.dispatcher");
        open("/m/screening");
        assertThat(browser.findElement(By.cssSelector("a.card[data-task='" + task + "']"))
                        .getText())
                .contains("华星石化储运有限公司")
                .contains("待排查");
        Browser.screenshot(browser, "screening-phone-tasks");
        Browser.assertAccessible(browser);

        browser.findElement(By.cssSelector("a.card[data-task='" + task + "']")).click();
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("lat")), "value"));
        Path photo = Files.createTempFile("tank", ".png");
        Files.write(photo, Places.png());
        browser.findElement(By.cssSelector("input[name='verdict-1'][value=FAIL]"))
                .click();
        browser.findElement(By.id("note-1")).sendKeys("3号储罐液位计损坏，压力数据未上传监控平台");
        browser.findElement(By.id("photos-1")).sendKeys(photo.toString());
        browser.findElement(By.cssSelector("input[name='verdict-2'][value=PASS]"))
                .click();
        Browser.screenshot(browser, "screening-phone-checklist");
        Browser.assertAccessible(browser);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText())
                .contains("华星石化储运有限公司")
                .contains("发现隐患 1 处");
        Browser.screenshot(browser, "screening-phone-done");

        UUID hazard = jdbc.sql("SELECT id FROM hazard WHERE task_id = :t")
                .param("t", task)
                .query(UUID.class)
                .single();
        assertThat(hazards.find(hazard, bureau).orElseThrow().gradeLabel()).isEqualTo("重大隐患");
        browser.quit();

        // at the county bureau's desk: the ledger, the hazard with its photo and history
        browser = Browser.start(1366, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("yingji.370523");
        open("/hazards?grade=MAJOR");
        assertThat(browser.findElement(By.cssSelector("tr[data-hazard='" + hazard + "']"))
                        .getText())
                .contains("华星石化储运有限公司")
                .contains("重大隐患")
                .contains("待下达整改通知");
        Browser.screenshot(browser, "hazard-ledger");
        Browser.assertAccessible(browser);
        open("/hazards/" + hazard);
        String deadline = java.time.LocalDate.now(org.onegrid.shared.config.CityTime.ZONE)
                .plusDays(30)
                .toString();
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("n-deadline")), deadline);
        browser.findElement(By.id("n-req")).sendKeys("更换3号储罐液位计，压力数据接入县应急监控平台");
        browser.findElement(By.cssSelector("section.act form[action$='/notice'] button"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-link")));
        assertThat(browser.findElement(By.id("hazard-facts")).getText())
                .contains("广饶县应急管理局")
                .contains(deadline);
        assertThat(browser.findElement(By.id("hazard-history")).getText())
                .contains("发现隐患")
                .contains("下达整改通知");
        Browser.screenshot(browser, "hazard-detail");
        Browser.assertAccessible(browser);
        browser.findElement(By.id("notice-link")).click();
        wait.until(ExpectedConditions.urlContains("/notice"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("隐患整改通知书")
                .contains("华星石化储运有限公司");
        Browser.screenshot(browser, "hazard-notice");
        open("/hazards/figures");
        Browser.screenshot(browser, "hazard-figures");
        Browser.assertAccessible(browser);

        // the spreadsheet the ledger exports, read back and shown as it opens
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        long rows = hazards.export(
                new Hazards.LedgerQuery(null, null, null, null, "MAJOR", null, false, false), bureau, xlsx);
        assertThat(rows).isGreaterThanOrEqualTo(1);
        StringBuilder html = new StringBuilder(
                "<html lang='zh-CN'><head><meta charset='utf-8'><title>隐患台账.xlsx</title><style>body{font-family:sans-serif;margin:12px}"
                        + "table{border-collapse:collapse;font-size:13px}td{border:1px solid #bbb;padding:3px 6px}"
                        + "tr:first-child td{background:#ddebf7;font-weight:bold}</style></head><body><h1 style='font-size:16px'>隐患台账.xlsx — 工作表“隐患台账”</h1><table>");
        boolean found = false;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("隐患台账");
            List<Row> read = wb.getFirstSheet().read();
            assertThat(read.get(0).getCellText(0)).isEqualTo("隐患编号");
            for (Row r : read.subList(0, Math.min(read.size(), 12))) {
                html.append("<tr>");
                for (int c = 0; c < Hazards.COLUMNS.size(); c++) {
                    String v = c < r.getCellCount() && r.getCell(c) != null ? r.getCellText(c) : "";
                    found |= v.contains("华星石化储运有限公司");
                    html.append("<td>").append(v.replace("<", "&lt;")).append("</td>");
                }
                html.append("</tr>");
            }
        }
        assertThat(found).isTrue();
        html.append("</table></body></html>");
        browser.get("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        Browser.screenshot(browser, "hazard-ledger-xlsx");
    }
}
