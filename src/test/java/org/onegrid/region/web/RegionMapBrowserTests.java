package org.onegrid.region.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.region.Regions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A leader signs in and finds Dongying's counties and grids on the map, in a real browser. */
@IntegrationTest
class RegionMapBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Regions regions;

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

        List<WebElement> counties = browser.findElements(By.cssSelector("tr.area"));
        assertThat(counties)
                .extracting(r -> r.findElement(By.tagName("td")).getText())
                .containsExactly("东营区", "河口区", "垦利区", "利津县", "广饶县");
        wait.until(d -> outlines() == 5);
        // offline, the towns are named where they fit
        wait.until(d -> {
            String names = d.findElement(By.id("map")).getDomAttribute("data-outline-names");
            return names != null && Integer.parseInt(names) > 0;
        });
        Browser.assertAccessible(browser);
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

    @ParameterizedTest
    @CsvSource({"1366, 900, region-map-town", "390, 844, region-map-town-phone"})
    void aTownDispatcherSeesTheirTownItsVillagesAndGridsWithTheirNamesAndNothingOfTheCity(
            int width, int height, String screenshot) {
        browser = Browser.start(width, height);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("dawang.dispatcher");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get("http://localhost:" + port + "/map");

        assertThat(browser.findElement(By.cssSelector("aside h2")).getText()).startsWith("大王镇 · 村社区");
        List<String> villages = browser.findElements(By.cssSelector("tr.area td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(villages)
                .containsExactlyElementsOf(regions.children("370523101").stream()
                        .map(r -> r.name())
                        .toList());
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("东营区", "稻庄镇");
        wait.until(d -> d.findElement(By.id("map")).getDomAttribute("data-areas") != null);
        assertThat(Integer.parseInt(browser.findElement(By.id("map")).getDomAttribute("data-areas")))
                .isEqualTo(villages.size());
        // offline, the villages are named on the map; no Leaflet notice
        wait.until(d -> {
            String names = d.findElement(By.id("map")).getDomAttribute("data-outline-names");
            return names != null && Integer.parseInt(names) > 0;
        });
        assertThat(browser.findElements(By.cssSelector(".leaflet-control-attribution")))
                .isEmpty();
        assertThat(browser.findElement(By.id("map")).getText()).doesNotContain("Leaflet");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, screenshot);

        // closer in: the grids, by name
        ((JavascriptExecutor) browser).executeScript("window.oneGridMap.setZoom(15, {animate: false})");
        wait.until(d -> !d.findElements(By.cssSelector(".outline-name.grid")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".outline-name.grid")))
                .extracting(e -> e.getDomProperty("textContent"))
                .allMatch(name -> name.matches("第\\d+网格"));
        Browser.screenshot(browser, screenshot + "-grids");
    }

    private long outlines() {
        String drawn = browser.findElement(By.id("map")).getDomAttribute("data-counties");
        return drawn == null ? 0 : Long.parseLong(drawn);
    }
}
