package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.staff.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class InboxPagesBrowserTests {

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

    /** An incident of {@code spot}, reported, accepted and dispatched to the county's 城管执法 branch. */
    UUID dispatchedToChengguan(Dongying.Spot spot) {
        return dispatchedToChengguan(spot, null);
    }

    UUID dispatchedToChengguan(Dongying.Spot spot, String address) {
        IncidentView reported = incidents
                .report(
                        new ReportIncident(
                                Dongying.NOISE,
                                "夜间施工噪音扰民，持续到凌晨",
                                null,
                                spot.lng(),
                                spot.lat(),
                                address,
                                null,
                                null,
                                null,
                                List.of()),
                        null,
                        Dongying.principal(staff, spot.gridWorker()))
                .incident();
        UUID id = reported.id();
        var dispatcher = Dongying.principal(staff, spot.villageDispatcher());
        incidents.accept(id, new IncidentCommand.Plain("", List.of()), dispatcher);
        incidents.dispatch(
                id,
                new IncidentCommand.Dispatch("SINGLE", "chengguan", List.of(), null, null, "请核实处理", List.of()),
                dispatcher);
        return id;
    }

    void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void aHandlerSignsAndCompletesWithAPhotoThroughTheInboxAndIsToldWhenThePageWasStale() throws Exception {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 7);
        UUID first = dispatchedToChengguan(spot);
        UUID second = dispatchedToChengguan(spot);
        String handler = spot.handler("chengguan");

        browser = Browser.start(1280, 860);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(handler);
        wait.until(ExpectedConditions.urlContains("/inbox"));
        assertThat(browser.findElement(By.cssSelector("nav.tabs a.active")).getText())
                .contains("待签收");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("夜间施工噪音扰民");
        // each row by its number and its grid's name
        IncidentView firstView =
                incidents.find(first, Dongying.principal(staff, handler)).orElseThrow();
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains(
                        firstView.number(),
                        grids.find(spot.grid()).orElseThrow().name())
                .doesNotContain(spot.grid());
        Browser.screenshot(browser, "inbox");
        Browser.assertAccessible(browser);

        // a caller quotes the number: the search finds it, whatever its tab
        browser.findElement(By.id("inbox-q")).sendKeys(firstView.number());
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElements(By.cssSelector("table.list tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("table.list tbody tr")).getText())
                .contains(firstView.number());

        // the second incident: someone of the department signs it while this page is open
        browser.get("http://localhost:" + port + "/inbox/" + second);
        incidents.sign(second, new IncidentCommand.Plain("", List.of()), Dongying.principal(staff, handler));
        browser.findElement(By.cssSelector("#sign button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("已有变化", "签收");

        // the first: sign, then complete with result and photo
        browser.get("http://localhost:" + port + "/inbox/" + first);
        browser.findElement(By.cssSelector("#sign button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "已签收"));
        assertThat(incidents
                        .find(first, Dongying.principal(staff, handler))
                        .orElseThrow()
                        .status())
                .isEqualTo("IN_PROGRESS");

        // completing without a photo is refused beside the field, and the typed result is kept
        browser.findElement(By.id("result")).sendKeys("已责令施工单位停止夜间施工");
        browser.findElement(By.cssSelector("#complete button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#complete .field-error")));
        assertThat(browser.findElement(By.cssSelector("#complete .field-error")).getText())
                .contains("照片");
        assertThat(browser.findElement(By.id("result")).getAttribute("value")).contains("停止夜间施工");

        Path photo = Files.createTempFile("after", ".jpg");
        Files.write(photo, Photos.jpeg());
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#complete button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "已办结"));
        IncidentView done =
                incidents.find(first, Dongying.principal(staff, handler)).orElseThrow();
        assertThat(done.status()).isEqualTo("HANDLED");
        assertThat(done.result()).isEqualTo("已责令施工单位停止夜间施工");
        assertThat(done.photos()).hasSize(1);
        assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(done.number());
        Browser.screenshot(browser, "inbox-incident-handled");
        Files.deleteIfExists(photo);
    }

    @ParameterizedTest
    @CsvSource({"1366, 900, inbox-incident", "390, 844, inbox-incident-phone"})
    void theIncidentPageSaysThePlaceAsPeopleSayItAndShowsItOnAMapWithTheGridsOutline(
            int width, int height, String screenshot) {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 3);
        UUID id = dispatchedToChengguan(spot, "花园路 18 号东侧工地");
        Location place = grids.locate(spot.lng(), spot.lat()).orElseThrow();

        browser = Browser.start(width, height);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(spot.handler("chengguan"));
        wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.get("http://localhost:" + port + "/inbox/" + id);

        assertThat(browser.findElement(By.id("place-line")).getText())
                .isEqualTo("广饶县 · 大王镇 · " + place.village().name() + " · "
                        + place.grid().name());
        assertThat(browser.findElement(By.tagName("main")).getText())
                .doesNotContain(place.grid().code());
        wait.until(d -> "drawn".equals(d.findElement(By.id("place-map")).getDomAttribute("data-outline")));
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('place-map').scrollIntoView({block:'center'})");
        Browser.screenshot(browser, screenshot);
        // the grids around, with their names, on a plain background
        wait.until(d -> {
            String names = d.findElement(By.id("place-map")).getDomAttribute("data-outline-names");
            return names != null && Integer.parseInt(names) > 0;
        });
        // the grids by their number within the village, the village by its name
        assertThat(browser.findElements(By.cssSelector("#place-map .outline-name")))
                .extracting(e -> e.getDomProperty("textContent"))
                .contains(place.grid().name().substring(place.village().name().length()));
        // no map app is configured for tests: no 导航; and no Leaflet notice on the map
        assertThat(browser.findElements(By.id("place-nav"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".leaflet-control-attribution")))
                .allSatisfy(a -> assertThat(a.getText()).doesNotContain("Leaflet"));
        Browser.assertAccessible(browser);
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('place-map').scrollIntoView({block:'center'})");
        Browser.screenshot(browser, screenshot);
    }
}
