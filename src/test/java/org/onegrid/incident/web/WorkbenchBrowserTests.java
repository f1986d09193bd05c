package org.onegrid.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The village dispatcher works a grid worker's report through the pages, in a real browser. */
@IntegrationTest
class WorkbenchBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Staff staff;

    @Autowired
    Grids grids;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aVillageDispatcherAcceptsAGridWorkersReportAndDispatchesItDual() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        IncidentView reported = Reports.noise(incidents, staff, grids, "花园社区南门商铺大喇叭循环叫卖，居民反映影响休息 " + marker);
        browser = Browser.start(1600, 1000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String base = "http://localhost:" + port;

        browser.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("village.dispatcher");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/workbench"));

        // the new report waits in 待受理, with its count on the tab
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-id='" + reported.id() + "']")));
        assertThat(browser.findElement(By.cssSelector(".tabs a.active")).getText())
                .startsWith("待受理");
        // the row shows the number staff quote and the grid by its name
        String row = browser.findElement(By.cssSelector("tr[data-id='" + reported.id() + "']"))
                .getText();
        assertThat(row)
                .contains(
                        reported.number(),
                        grids.find(reported.gridCode()).orElseThrow().name())
                .doesNotContain(reported.gridCode());
        assertThat(browser.getTitle()).isEqualTo("事件工作台 · 东营市一网统管");
        Browser.screenshot(browser, "workbench-queue");
        Browser.assertAccessible(browser);

        browser.findElement(By.cssSelector("tr[data-id='" + reported.id() + "'] td.text a"))
                .click();
        wait.until(ExpectedConditions.urlContains("/incidents/" + reported.id()));
        assertThat(browser.findElement(By.id("chain")).getText()).contains("哈希链校验通过");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#timeline li .seal")).getText())
                .isEqualTo("✓ 校验通过");
        assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(reported.number());
        assertThat(browser.findElement(By.id("stage-name")).getText()).isEqualTo("受理环节（待受理）");
        wait.until(d -> "drawn".equals(d.findElement(By.id("place-map")).getDomAttribute("data-outline")));

        browser.findElement(By.cssSelector("#form-accept button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-dispatch")));
        assertThat(browser.findElement(By.id("done")).getText()).contains("已受理");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSize(2);
        assertThat(browser.findElement(By.id("stage-name")).getText()).isEqualTo("派遣环节（已受理，待派遣）");

        new Select(browser.findElement(By.id("d-mode"))).selectByValue("DUAL");
        Select department = new Select(browser.findElement(By.id("d-department")));
        assertThat(department.getFirstSelectedOption().getText()).contains("城管", "建议");
        assertThat(browser.findElement(By.id("d-supervisor")).isDisplayed()).isTrue();
        String gridName = grids.find(reported.gridCode()).orElseThrow().name();
        String supervisor = new Select(browser.findElement(By.id("d-supervisor")))
                .getFirstSelectedOption()
                .getText();
        assertThat(supervisor).endsWith("（" + gridName + "）").doesNotContainPattern("[a-z]");
        assertThat(browser.findElement(By.id("deadline-preview")).getText())
                .startsWith("处置时限：")
                .contains("工作时");
        browser.findElement(By.id("c-dispatch")).sendKeys("请城管执法队依法查处，网格员现场监督");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        // the place: the grid and the grids around it by name
        wait.until(d -> d.findElement(By.id("place-map")).getDomAttribute("data-outline-names") != null
                && !"0".equals(d.findElement(By.id("place-map")).getDomAttribute("data-outline-names")));
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "incident-detail");
        browser.findElement(By.cssSelector("#form-dispatch button[type=submit]"))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已派遣"));
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#timeline li:last-child"))
                        .getText())
                .contains("派遣", "已受理 → 已派遣");
        assertThat(browser.findElement(By.id("chain")).getText()).isEqualTo("全程留痕 · 哈希链校验通过 ✓");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("双派单");
        assertThat(browser.findElement(By.id("handling-supervisor")).getText()).isEqualTo(supervisor);
        assertThat(browser.findElement(By.id("handling-lead")).getText()).contains("城管");
        assertThat(browser.findElement(By.id("stage-name")).getText()).isEqualTo("处置环节（待签收）");
        assertThat(browser.findElements(By.cssSelector("#timeline li .seal")))
                .hasSize(3)
                .allSatisfy(seal -> assertThat(seal.getText()).isEqualTo("✓ 校验通过"));
        Browser.screenshot(browser, "incident-dispatched");
        Browser.assertAccessible(browser);

        browser.get(base + "/notifications");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".page-head h1")));
        assertThat(browser.findElement(By.cssSelector(".page-head h1")).getText())
                .isEqualTo("消息通知");
        Browser.screenshot(browser, "notifications");
    }
}
