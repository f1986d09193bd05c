package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ResidentPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeEach
    void items() {
        Dongying.catalog(catalog, staff);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aResidentReportsWithoutAnAccountFollowsThePublicTimelineAndRatesOnceClosed() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 11);
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

        browser.get("http://localhost:" + port + "/r");
        assertThat(browser.getCurrentUrl()).endsWith("/r");
        Browser.screenshot(browser, "resident-start");
        browser.findElement(By.id("go-report")).click();
        wait.until(ExpectedConditions.urlContains("/r/report"));

        browser.findElement(By.id("type-q")).sendKeys("噪音");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick")))
                .click();
        browser.findElement(By.id("text")).sendKeys("小区楼下烧烤店油烟和噪音到深夜");
        browser.findElement(By.id("phone")).sendKeys("12345");
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        browser.findElement(By.id("submit")).click();
        // a wrong phone number is said beside the field; the rest stays as typed
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText())
                .contains("手机号");
        assertThat(browser.findElement(By.id("text")).getAttribute("value")).contains("烧烤店");
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys("13800001234");
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.urlContains("/r/track/"));
        String code = browser.findElement(By.id("tracking-code")).getText().strip();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待受理");
        Browser.screenshot(browser, "resident-track-new");

        // the centre's side: the grid worker resolves it on the spot, with a photo
        UUID id = jdbc.sql("SELECT id FROM incident WHERE tracking_code = :c")
                .param("c", code)
                .query(UUID.class)
                .single();
        StaffPrincipal worker = Dongying.principal(staff, spot.gridWorker());
        UUID photo = incidents.upload(Photos.jpeg(), worker).id();
        incidents.resolve(id, new IncidentCommand.Plain("已劝导店主安装油烟净化器并在22点前停业", List.of(photo)), worker);

        // anyone with the code follows it, without signing in
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/r/track");
        browser.findElement(By.id("code")).sendKeys(code.toLowerCase());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/r/track/" + code));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("已结案", "已劝导店主安装油烟净化器", "事件登记");
        // the number to quote when calling the centre
        String number = jdbc.sql("SELECT number FROM incident WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(browser.findElement(By.id("number")).getText()).isEqualTo("事件编号 " + number);
        assertThat(page)
                .doesNotContain(worker.displayName())
                .doesNotContain("13800001234")
                .doesNotContain("1380")
                .doesNotContain("综治中心");
        Browser.screenshot(browser, "resident-track");

        browser.findElement(By.cssSelector("#rate button[value=SATISFIED]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating")));
        assertThat(browser.findElement(By.id("rating")).getText()).contains("满意");
        assertThat(browser.findElements(By.id("rate"))).isEmpty();
        assertThat(jdbc.sql("SELECT satisfaction FROM incident WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("SATISFIED");
        Browser.screenshot(browser, "resident-rated");

        // a code nobody has
        browser.get("http://localhost:" + port + "/r/track/ZZZZ2222");
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText())
                .contains("查询码不存在");
    }
}
