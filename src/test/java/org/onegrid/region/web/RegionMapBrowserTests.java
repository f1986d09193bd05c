package org.onegrid.region.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A leader signs in and finds Dongying's counties and grids on the map, in a real browser. */
@IntegrationTest
class RegionMapBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLeaderSeesTheCountiesThenTheGridsOfACountyAndLocatesAPoint() {
        browser = Browser.start(1600, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/map");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("leader");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get("http://localhost:" + port + "/map");

        List<WebElement> counties = browser.findElements(By.cssSelector("tr.county"));
        assertThat(counties)
                .extracting(r -> r.findElement(By.tagName("td")).getText())
                .containsExactly("东营区", "河口区", "垦利区", "利津县", "广饶县");
        wait.until(d -> outlines() == 5);
        Browser.screenshot(browser, "region-map-counties");

        counties.get(4).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "个网格"));
        assertThat(browser.findElement(By.id("info")).getText()).matches("广饶县：\\d{3,4} 个网格。点击地图定位。");
        Browser.screenshot(browser, "region-map-grids");

        // 大王镇, inside 广饶县
        WebElement map = browser.findElement(By.id("map"));
        @SuppressWarnings("unchecked")
        Map<String, Number> offset = (Map<String, Number>) ((JavascriptExecutor) browser)
                .executeScript("const m = window.oneGridMap, p = m.latLngToContainerPoint([37.10, 118.50]),"
                        + " s = m.getSize(); return {x: Math.round(p.x - s.x / 2), y: Math.round(p.y - s.y / 2)};");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(map, offset.get("x").intValue(), offset.get("y").intValue())
                .click()
                .perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "广饶县"));
        assertThat(browser.findElement(By.id("info")).getText()).contains("网格");
    }

    private long outlines() {
        String drawn = browser.findElement(By.id("map")).getDomAttribute("data-counties");
        return drawn == null ? 0 : Long.parseLong(drawn);
    }
}
