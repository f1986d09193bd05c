package org.onegrid.dashboard;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A leader opens the command screen at 1920×1080, reads the tiles and drills from the city into 广饶县. */
@IntegrationTest
class DashboardBrowserTests {

    /** Finds a point inside 广饶县 where nothing (no cluster) lies over the county's shape, as an offset from the map's centre. */
    private static final String FREE_POINT_IN_GUANGRAO = """
            const map = window.oneGridDashboardMap, el = document.getElementById('map');
            let county = null;
            map.eachLayer(l => { if (l.feature && l.feature.properties.name === '广饶县') county = l; });
            const rings = [];
            const g = county.feature.geometry;
            (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).forEach(p => rings.push(p[0]));
            const inside = (x, y) => rings.some(r => { let c = false;
              for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
                if ((r[i][1] > y) !== (r[j][1] > y) && x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) c = !c; }
              return c; });
            const b = county.getBounds(), box = el.getBoundingClientRect(), size = map.getSize();
            for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
              const lat = b.getSouth() + (b.getNorth() - b.getSouth()) * i / 12;
              const lng = b.getWest() + (b.getEast() - b.getWest()) * j / 12;
              if (!inside(lng, lat)) continue;
              const p = map.latLngToContainerPoint([lat, lng]);
              const hit = document.elementFromPoint(box.left + p.x, box.top + p.y);
              if (hit && hit.tagName === 'CANVAS') return {x: Math.round(p.x - size.x / 2), y: Math.round(p.y - size.y / 2)};
            }
            return null;
            """;

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
    void aLeaderSeesTheCityAtAGlanceAndDrillsIntoGuangrao() {
        browser = Browser.start(1920, 1080);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("leader");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // a leader's home is the dashboard
        wait.until(ExpectedConditions.urlContains("/dashboard"));

        WebElement map = browser.findElement(By.id("map"));
        wait.until(d -> "5".equals(map.getDomAttribute("data-counties")));
        wait.until(d -> browser.findElement(By.id("screen")).getDomAttribute("data-refreshed") != null);
        Browser.screenshot(browser, "dashboard-city");
        List<String> figures = browser.findElements(By.cssSelector("#kpis .tile b")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(figures).hasSize(8).allMatch(t -> t.matches("[\\d,.]+"));
        assertThat(browser.findElement(By.cssSelector("[data-kpi=closed] b")).getText())
                .matches("[1-9][\\d,]*");
        // open incidents are clustered by town at city level; each cluster is a marker
        assertThat(browser.findElements(By.cssSelector(".leaflet-marker-icon.cluster")))
                .hasSize(Integer.parseInt(map.getDomAttribute("data-markers")));
        assertThat(browser.findElements(By.cssSelector("#trend canvas, #categories canvas, #ranking canvas")))
                .hasSize(3);
        wait.until(
                d -> browser.findElement(By.id("live")).getDomAttribute("class").contains("on"));
        Browser.screenshot(browser, "dashboard-city");
        Browser.assertAccessible(browser);

        // every figure says how it is counted; the keyboard reaches the definition and the reader hears it
        assertThat(browser.findElements(By.cssSelector("#kpis .tile .def"))).hasSize(8);
        WebElement onTime = browser.findElement(By.cssSelector("[data-kpi=onTimeRate] .def"));
        WebElement definition = browser.findElement(By.id(onTime.getDomAttribute("aria-describedby")));
        assertThat(definition.isDisplayed()).isFalse();
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", onTime);
        wait.until(ExpectedConditions.visibilityOf(definition));
        assertThat(definition.getText()).startsWith("按期结案率 = 按期结案数 ÷ 结案数");
        assertThat(onTime.getAccessibleName()).isEqualTo("按期结案率的口径");
        Browser.screenshot(browser, "dashboard-city-definition");
        onTime.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(definition));

        @SuppressWarnings("unchecked")
        Map<String, Number> offset =
                (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(FREE_POINT_IN_GUANGRAO);
        assertThat(offset).as("a free point inside 广饶县").isNotNull();
        new Actions(browser)
                .moveToElement(map, offset.get("x").intValue(), offset.get("y").intValue())
                .click()
                .perform();

        wait.until(ExpectedConditions.urlContains("region=370523"));
        assertThat(browser.getCurrentUrl()).endsWith("region=370523");
        WebElement countyMap = browser.findElement(By.id("map"));
        wait.until(d -> countyMap.getDomAttribute("data-grids") != null);
        wait.until(d -> browser.findElement(By.id("screen")).getDomAttribute("data-refreshed") != null);
        assertThat(Integer.parseInt(countyMap.getDomAttribute("data-grids"))).isGreaterThan(500);
        assertThat(browser.findElement(By.cssSelector(".strip h1")).getText()).startsWith("广饶县");
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText()).contains("东营市");
        Browser.screenshot(browser, "dashboard-county");
        Browser.assertAccessible(browser);
    }
}
