package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 智能分拨 in the browser: a resident types a complaint and is offered its type; the administrator sees the model. */
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
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

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
