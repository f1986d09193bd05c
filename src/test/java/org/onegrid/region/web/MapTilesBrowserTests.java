package org.onegrid.region.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.shared.web.MapTiles;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The tile switch every map shares. The test application configures no tiles (maps stay offline); the configured
 * case is rendered from a {@link MapTiles} of its own into the page, so no second application has to start.
 */
@IntegrationTest
class MapTilesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ITemplateEngine templates;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    MapTiles configured() {
        String tiles = "http://localhost:" + port + "/tiles-nowhere";
        return new MapTiles(
                new MapTiles.Layer(tiles + "/vec_w/{s}/{z}/{x}/{y}.png?tk={key}", null),
                new MapTiles.Layer(
                        tiles + "/img_w/{s}/{z}/{x}/{y}.jpg?tk={key}", tiles + "/cia_w/{s}/{z}/{x}/{y}.png?tk={key}"),
                "k3y",
                "天地图 GS(2024)0568号",
                "01",
                18);
    }

    @Test
    void thePagesCarryTheTileSettingsOnlyWhenTilesAreConfigured() {
        String none = render(MapTiles.none(), Locale.SIMPLIFIED_CHINESE);
        assertThat(none).contains("leaflet.js", "/js/map-tiles.js").doesNotContain("onegrid-map-tiles");

        String zh = render(configured(), Locale.SIMPLIFIED_CHINESE);
        assertThat(zh)
                .contains("name=\"onegrid-map-tiles\"", "data-road=\"电子地图\"", "data-satellite=\"卫星影像\"")
                .contains("img_w/{s}/{z}/{x}/{y}.jpg?tk=k3y")
                .doesNotContain("{key}");
        assertThat(render(configured(), Locale.ENGLISH)).contains("data-road=\"Map\"", "data-none=\"No base map\"");
    }

    @Test
    void withTilesConfiguredAMapSwitchesBetween2dSatelliteAndNoneUnderTheBoundaries() {
        browser = Browser.start(1400, 860);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("leader");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        // as configured for tests: nothing, so the map is the city's boundaries alone
        browser.get(base + "/map");
        wait.until(d -> "5".equals(d.findElement(By.id("map")).getDomAttribute("data-counties")));
        assertThat(browser.findElements(By.cssSelector("meta[name=onegrid-map-tiles]")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector(".leaflet-control-layers")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("img.leaflet-tile"))).isEmpty();

        // the same page as a configured server renders it: the settings in the head, then the snippet
        String meta = render(configured(), Locale.SIMPLIFIED_CHINESE);
        String tag = meta.substring(meta.indexOf("<meta name=\"onegrid-map-tiles\""));
        tag = tag.substring(0, tag.indexOf('>') + 1);
        js.executeScript(
                "localStorage.removeItem('onegrid.map.tiles');"
                        + "document.head.insertAdjacentHTML('beforeend', arguments[0]);"
                        + "OneGridTiles.add(window.oneGridMap);",
                tag);
        WebElement control = browser.findElement(By.cssSelector(".leaflet-control-layers"));
        assertThat(control.getText()).contains("电子地图", "卫星影像", "无底图");
        assertThat(tiles("vec_w")).isNotEmpty().allMatch(src -> src.contains("tk=k3y"));
        assertThat(tiles("img_w")).isEmpty();
        assertThat(browser.findElement(By.id("map")).getDomAttribute("data-tiles"))
                .isEqualTo("road");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution"))
                        .getText())
                .contains("GS(2024)0568");
        // the boundaries stay on top of any tiles
        assertThat(zIndex(".leaflet-overlay-pane")).isGreaterThan(zIndex(".leaflet-tile-pane"));
        assertThat(browser.findElements(By.cssSelector(".leaflet-overlay-pane canvas, .leaflet-overlay-pane path")))
                .isNotEmpty();
        Browser.screenshot(browser, "map-tiles-switch");

        choose("卫星影像");
        wait.until(d -> "satellite".equals(d.findElement(By.id("map")).getDomAttribute("data-tiles")));
        wait.until(d -> tiles("vec_w").isEmpty() && !tiles("img_w").isEmpty());
        assertThat(tiles("cia_w")).isNotEmpty(); // the place names over the imagery

        choose("无底图");
        wait.until(d -> tiles("img_w").isEmpty() && tiles("vec_w").isEmpty());
        assertThat(browser.findElement(By.id("map")).getDomAttribute("data-counties"))
                .isEqualTo("5");

        // the next map opens with the last choice
        browser.get(base + "/map");
        wait.until(d -> "5".equals(d.findElement(By.id("map")).getDomAttribute("data-counties")));
        js.executeScript(
                "document.head.insertAdjacentHTML('beforeend', arguments[0]); OneGridTiles.add(window.oneGridMap);",
                tag);
        assertThat(browser.findElement(By.id("map")).getDomAttribute("data-tiles"))
                .isEqualTo("none");
        assertThat(tiles("tiles-nowhere")).isEmpty();
    }

    private List<String> tiles(String part) {
        return browser.findElements(By.cssSelector("img.leaflet-tile")).stream()
                .map(img -> img.getDomAttribute("src"))
                .filter(src -> src != null && src.contains(part))
                .toList();
    }

    private void choose(String name) {
        for (WebElement label : browser.findElements(By.cssSelector(".leaflet-control-layers-base label"))) {
            if (label.getText().contains(name)) {
                label.click();
                return;
            }
        }
        throw new AssertionError("no base layer " + name);
    }

    private int zIndex(String selector) {
        Object z = ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.querySelector(arguments[0])).zIndex;", selector);
        return Integer.parseInt(String.valueOf(z));
    }

    /** The map head fragment as a page with these settings renders it. */
    private String render(MapTiles tiles, Locale locale) {
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/map");
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, locale, Map.of("mapTiles", tiles));
        return templates.process("fragments/map", Set.of("head"), context);
    }
}
