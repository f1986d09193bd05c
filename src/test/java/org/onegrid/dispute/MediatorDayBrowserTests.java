package org.onegrid.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.dispute.Mediation.body;
import static org.onegrid.dispute.Mediation.person;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.dispute.Mediation.Client;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mediator's day on the phone: the cases assigned, one opened, a session recorded on the spot (and one dated in the
 * future refused), today's sessions listed; then the case, its agreement document and the figures on the desktop.
 */
@IntegrationTest
class MediatorDayBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Regions regions;

    @Autowired
    Staff staff;

    WebDriver browser;
    WebDriverWait wait;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Mediation.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void aMediatorRecordsASessionOnThePhoneAndTheCaseReachesItsAgreement() {
        Client desk = Client.as(port, "dawang.dispatcher");
        Map<String, Object> intake = new HashMap<>();
        intake.put("source", "VISIT");
        intake.put("typeCode", "MDJF-005");
        intake.put("facts", "两户翻建房屋时对宅基地四至界限有争议，东侧院墙越界约半米");
        intake.put("regionCode", Mediation.village(regions).code());
        intake.put("body", body("TOWN_COMMITTEE"));
        intake.put("parties", List.of(person("APPLICANT", "韩建华", 71), person("RESPONDENT", "蒋立新", 72)));
        String id = desk.ok(201, "/api/v1/disputes", intake).get("id").asString();
        desk.act(id, "accept", Map.of());
        desk.act(
                id,
                "assign",
                Map.of(
                        "mediatorId",
                        staff.findByUsername("mediator").orElseThrow().id()));

        browser = Browser.start(390, 844);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("mediator");
        open("/m/disputes");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.card[data-id='" + id + "']")));
        Browser.assertAccessible(browser);
        browser.findElement(By.cssSelector("a.card[data-id='" + id + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-form")));

        // a session dated tomorrow cannot have been held
        String tomorrow = LocalDateTime.now(CityTime.ZONE)
                .plusDays(1)
                .withSecond(0)
                .withNano(0)
                .toString();
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('heldAt').value = arguments[0]", tomorrow);
        browser.findElement(By.id("place")).sendKeys("韩家院内");
        browser.findElement(By.id("attendees")).sendKeys("韩建华、蒋立新、村干部");
        browser.findElement(By.id("minutes")).sendKeys("现场丈量，双方同意以原宅基地证为准");
        browser.findElement(By.cssSelector("#session-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertThat(browser.findElement(By.id("refused")).getText()).contains("不能晚于现在");
        assertThat(browser.findElement(By.id("place")).getAttribute("value")).isEqualTo("韩家院内");

        browser.findElement(By.cssSelector("#session-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("现场丈量", "韩家院内");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "dispute-phone-session");

        open("/m/disputes");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("今日调解", "韩家院内");
        Browser.screenshot(browser, "dispute-phone-today");

        Client mediator = Client.as(port, "mediator");
        mediator.act(
                id,
                "agree",
                Map.of(
                        "facts", "两户对宅基地四至界限有争议",
                        "terms", List.of("蒋立新于十日内将东侧院墙后移0.5米，恢复原宅基地界限", "拆墙、砌墙费用由蒋立新承担"),
                        "performBy", LocalDate.now().plusDays(10).toString()));

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        open("/disputes/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agreement-link")));
        assertThat(browser.findElement(By.id("history")).getText()).contains("达成调解协议", "调解");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "dispute-detail");
        open("/disputes/" + id + "/agreement");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("人民调解协议书", "韩建华", "后移0.5米");
        Browser.screenshot(browser, "dispute-agreement");
        open("/disputes/figures");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("headline")));
        assertThat(browser.findElement(By.id("headline")).getText()).contains("化解率");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "dispute-figures");
    }
}
