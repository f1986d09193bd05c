package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.region.Grids;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 智能分拨 in the browser: a resident and a grid worker type a complaint and are offered its type; the owning centre's
 * dispatcher confirms or changes a suggested type on the incident's page; the administrator sees the model.
 */
@IntegrationTest
class SmartDispatchBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aResidentTypingAComplaintIsOfferedItsTypeAndMayReportWithoutChoosingOne() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 13);
        browser = Browser.start(390, 844);
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Browser.grantPermissions",
                        Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setGeolocationOverride",
                        Map.of("latitude", spot.lat(), "longitude", spot.lng(), "accuracy", 10));
        // the first suggestion on an empty database trains the first model
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get("http://localhost:" + port + "/r/report");
        browser.findElement(By.id("text")).sendKeys("楼下饭店排风管对着我家窗户，一股油烟味");
        WebElement first =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#type-suggested button.type-pick")));
        assertThat(first.getText()).contains("油烟扰民").contains("%");
        assertThat(browser.findElements(By.cssSelector("#type-suggested button.type-pick")))
                .hasSize(3);
        // the complaint as typed and the types offered for it, below the bar at the top
        ((ChromeDriver) browser)
                .executeScript("window.scrollTo(0, document.getElementById('text').getBoundingClientRect().top"
                        + " + window.scrollY - 110)");
        Browser.screenshot(browser, "resident-suggest");
        Browser.assertAccessible(browser);
        first.click();
        assertThat(browser.findElement(By.id("type-chosen")).getText()).isEqualTo("油烟扰民");
        assertThat(browser.findElement(By.id("itemCode")).getAttribute("value")).isEqualTo("CSGL-004");

        // without a chosen type the report goes in all the same, its type judged from the text and to be confirmed
        browser.get("http://localhost:" + port + "/r/report");
        browser.findElement(By.id("text")).sendKeys("村里主路的路灯一到晚上就不亮，黑乎乎的");
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/r/track/"));
        String code = browser.findElement(By.id("tracking-code")).getText().strip();
        Map<String, Object> row = jdbc.sql("SELECT item_code, type_unconfirmed FROM incident WHERE tracking_code = :c")
                .param("c", code)
                .query()
                .singleRow();
        assertThat(row).containsEntry("item_code", "CSGL-007").containsEntry("type_unconfirmed", true);
    }

    @Test
    void aGridWorkerTypingWhatTheySeeIsOfferedItsTypeOnThePhoneAndReportsWithIt() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 21);
        browser = Browser.start(390, 844);
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Browser.grantPermissions",
                        Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setGeolocationOverride",
                        Map.of("latitude", spot.lat(), "longitude", spot.lng(), "accuracy", 10));
        // the first suggestion on an empty database trains the first model
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(spot.gridWorker());
        wait.until(ExpectedConditions.urlMatches(".*/m$"));

        browser.get("http://localhost:" + port + "/m/report");
        browser.findElement(By.id("text")).sendKeys("菜市场旁边的饭店油烟直排，楼上住户窗户都熏黑了");
        WebElement first =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#type-suggested button.type-pick")));
        assertThat(first.getText()).contains("油烟扰民").contains("%");
        assertThat(browser.findElements(By.cssSelector("#type-suggested button.type-pick")))
                .hasSize(3);
        ((ChromeDriver) browser)
                .executeScript("window.scrollTo(0, document.getElementById('text').getBoundingClientRect().top"
                        + " + window.scrollY - 110)");
        Browser.screenshot(browser, "mobile-suggest");
        Browser.assertAccessible(browser);
        first.click();
        assertThat(browser.findElement(By.id("type-chosen")).getText()).isEqualTo("油烟扰民");
        assertThat(browser.findElement(By.id("itemCode")).getAttribute("value")).isEqualTo("CSGL-004");

        // the type the worker chose is the report's, not one to be confirmed
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/m/i/"));
        String id = browser.getCurrentUrl().replaceAll(".*/m/i/", "").replaceAll("[?#].*", "");
        Map<String, Object> row = jdbc.sql(
                        "SELECT item_code, type_unconfirmed FROM incident WHERE id = CAST(:id AS uuid)")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row).containsEntry("item_code", "CSGL-004").containsEntry("type_unconfirmed", false);
    }

    @Test
    void theOwningCentresDispatcherConfirmsOneSuggestedTypeAndChangesAnotherWithAReason() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 23);
        // texts of their own: the correction below teaches the next model, which other tests ask about their texts
        String confirmed = reportWithoutType(spot, "村口那几盏路灯晚上都不亮，黑乎乎的");
        String changed = reportWithoutType(spot, "我们楼后面的路灯不亮好几天了");
        browser = Browser.start(1440, 1000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(spot.villageDispatcher());
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        // confirmed as suggested: no reason needed, the mark goes, the history says who confirmed it
        browser.get("http://localhost:" + port + "/incidents/" + confirmed);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("路灯不亮", "类型待确认");
        WebElement form = browser.findElement(By.id("form-reclassify"));
        assertThat(form.getText()).contains("事项类型由系统按描述推荐");
        assertThat(new Select(form.findElement(By.id("r-item")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("路灯不亮");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("事项类型已核定。");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains("路灯不亮")
                .doesNotContain("类型待确认");
        assertThat(lastHistoryEntry().getDomAttribute("data-action")).isEqualTo("RECLASSIFY");
        assertThat(lastHistoryEntry().getText()).contains("核定事项类型");

        // changed to another item: refused without a reason, and nothing changes
        browser.get("http://localhost:" + port + "/incidents/" + changed);
        new Select(browser.findElement(By.id("r-item"))).selectByValue("CSGL-022");
        browser.findElement(By.cssSelector("#form-reclassify button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-reclassify .field-error")));
        assertThat(browser.findElement(By.cssSelector("#form-reclassify .field-error"))
                        .getText())
                .isNotBlank();
        assertThat(item(changed)).containsEntry("item_code", "CSGL-007").containsEntry("type_unconfirmed", true);

        new Select(browser.findElement(By.id("r-item"))).selectByValue("CSGL-022");
        browser.findElement(By.id("c-reclassify")).sendKeys("现场看是路灯杆护栏损坏，属公共设施");
        browser.findElement(By.cssSelector("#form-reclassify button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains("公共设施损坏")
                .doesNotContain("类型待确认");
        WebElement entry = lastHistoryEntry();
        assertThat(entry.getDomAttribute("data-action")).isEqualTo("RECLASSIFY");
        assertThat(entry.getText()).contains("核定事项类型", "现场看是路灯杆护栏损坏，属公共设施");
        assertThat(browser.findElement(By.id("chain")).getText()).contains("校验通过");
        assertThat(item(changed)).containsEntry("item_code", "CSGL-022").containsEntry("type_unconfirmed", false);
        // the item in the heading and the history entry below it, in one picture
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1500));
        ((ChromeDriver) browser).executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "incident-reclassified");
        Browser.assertAccessible(browser);
    }

    private String reportWithoutType(Dongying.Spot spot, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("longitude", spot.lng());
        body.put("latitude", spot.lat());
        var r = new Api(port).post(spot.gridWorker(), "/api/v1/incidents", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var incident = Api.json(r);
        assertThat(incident.get("itemCode").asString()).isEqualTo("CSGL-007");
        assertThat(incident.get("typeUnconfirmed").asBoolean()).isTrue();
        return incident.get("id").asString();
    }

    private Map<String, Object> item(String id) {
        return jdbc.sql("SELECT item_code, type_unconfirmed FROM incident WHERE id = CAST(:id AS uuid)")
                .param("id", id)
                .query()
                .singleRow();
    }

    private WebElement lastHistoryEntry() {
        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline > li"));
        return entries.get(entries.size() - 1);
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void theAdministratorSeesTheModelInUseAndTrainsANewOne() {
        browser = Browser.start(1440, 1000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.get("http://localhost:" + port + "/admin/suggest");
        browser.findElement(By.id("train")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trained")));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("智能分拨模型", "现用模型", "最近训练", "教会模型的更正");
        Browser.screenshot(browser, "admin-suggest");
        Browser.assertAccessible(browser);
    }
}
