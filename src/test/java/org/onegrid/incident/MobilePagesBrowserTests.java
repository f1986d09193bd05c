package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.Outlines;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class MobilePagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Grids grids;

    @Autowired
    Outlines outlines;

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

    /** A phone whose browser reports the position {@code lng, lat} and may tell it to the application. */
    WebDriver phoneAt(double lng, double lat) {
        WebDriver driver = Browser.start(390, 844);
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng, "accuracy", 10));
        return driver;
    }

    @Test
    void withoutAPositionThePinStartsInTheWorkersGridAndThePhoneSaysPlainlyWhenItIsMovedOutside() {
        StaffPrincipal worker = Dongying.principal(staff, "gridworker");
        String own = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        String neighbour = outlines.gridsNear(own).stream()
                .filter(code -> !worker.grids().contains(code))
                .findFirst()
                .orElseThrow();
        Location there = grids.location(neighbour).orElseThrow();

        browser = Browser.start(390, 844); // no position: the browser is not allowed to tell it
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("gridworker");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/m$"));
        browser.get("http://localhost:" + port + "/m/report");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-my-grid")));
        assertThat(grids.locate(value("lng"), value("lat")).orElseThrow().grid().code())
                .isEqualTo(own);
        // the worker's grid and the grids around it, named
        wait.until(d -> {
            String names = d.findElement(By.id("map")).getDomAttribute("data-outline-names");
            return names != null && Integer.parseInt(names) > 1;
        });
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.getElementById('map').scrollIntoView({block:'center'})");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "mobile-report-map");

        // a tap in the grid next door
        Point next = grids.geometry(neighbour).orElseThrow().getInteriorPoint();
        js.executeScript(
                "window.oneGridReportMap.fire('click', {latlng: L.latLng(arguments[1], arguments[0])})",
                next.getX(),
                next.getY());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outside-my-grids")));
        assertThat(browser.findElement(By.id("outside-my-grids")).getText())
                .isEqualTo("图钉不在您负责的网格内，而在 " + there.county().name() + " · "
                        + there.town().name() + " · " + there.village().name() + " · "
                        + there.grid().name() + "。");
        js.executeScript(
                "document.getElementById('map').scrollIntoView({block:'center'});"
                        + " window.oneGridReportMap.setView([arguments[1], arguments[0]], 15, {animate: false})",
                next.getX(),
                next.getY());
        Browser.screenshot(browser, "mobile-report-map-outside");

        browser.findElement(By.id("my-grid")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-my-grid")));
        assertThat(grids.locate(value("lng"), value("lat")).orElseThrow().grid().code())
                .isEqualTo(own);
        assertThat(browser.findElements(By.id("outside-my-grids"))).isEmpty();
    }

    @Test
    void theReadmesFirstStepWorksForATesterFarFromTheCity() {
        browser = phoneAt(116.397, 39.909); // Beijing: the browser gives a position outside the city
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("gridworker");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/m$"));
        browser.findElement(By.id("go-report")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("where"), "不在本市网格范围内"));

        browser.findElement(By.id("type-q")).sendKeys("噪音");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick")))
                .click();
        browser.findElement(By.id("text")).sendKeys("小区门口夜市音响声音过大");
        browser.findElement(By.id("my-grid")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-my-grid")));
        assertThat(browser.findElement(By.id("where")).getText()).contains("大王镇", "花园社区");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/m/i/"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("已上报");
        assertThat(browser.findElement(By.id("place-line")).getText()).startsWith("广饶县 · 大王镇 · 花园社区");
        wait.until(d -> "drawn".equals(d.findElement(By.id("place-map")).getDomAttribute("data-outline")));
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "mobile-incident");
    }

    private double value(String id) {
        return Double.parseDouble(browser.findElement(By.id(id)).getAttribute("value"));
    }

    @Test
    void theGridWorkerReportsFromThePhoneAtTheBrowsersPositionAndFindsItAmongTheirReports() {
        StaffPrincipal worker = Dongying.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        Point inside = grids.geometry(grid).orElseThrow().getInteriorPoint();

        browser = phoneAt(inside.getX(), inside.getY());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("gridworker");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/m$"));
        Browser.screenshot(browser, "mobile-home");

        browser.findElement(By.id("go-report")).click();
        wait.until(ExpectedConditions.urlContains("/m/report"));
        // submitting an empty form: the server says what is missing beside each field
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("请选择事件类型", "请填写情况描述");

        browser.findElement(By.id("type-q")).sendKeys("噪音");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick")))
                .click();
        assertThat(browser.findElement(By.id("type-chosen")).getText()).contains("噪音");
        browser.findElement(By.id("text")).sendKeys("广场舞音响声音过大，居民反映强烈");
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("where"), "花园社区"));
        assertThat(Double.parseDouble(browser.findElement(By.id("lng")).getAttribute("value")))
                .isCloseTo(inside.getX(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(browser.findElements(By.cssSelector(".field-error"))).isEmpty();
        Browser.screenshot(browser, "mobile-report");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('map').scrollIntoView()");
        Browser.screenshot(browser, "mobile-report-at-position");

        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/m/i/"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("已上报");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待受理");
        String number = browser.findElement(By.id("number")).getText().replace("事件编号 ", "");
        assertThat(number).matches("DY-\\d{8}-\\d{4,}");

        browser.findElement(By.cssSelector(".phonebar a")).click();
        browser.findElement(By.id("go-mine")).click();
        wait.until(ExpectedConditions.urlContains("/m/mine"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("广场舞音响声音过大", number, grids.find(grid).orElseThrow().name());
        Browser.screenshot(browser, "mobile-mine");
        Browser.assertAccessible(browser);
    }

    @Test
    void theSupervisingGridWorkerVerifiesWithAPhotoAndResolvesASmallIncidentOnTheSpot() throws Exception {
        StaffPrincipal worker = Dongying.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        Point inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        String village = grids.location(grid).orElseThrow().village().code();
        StaffPrincipal dispatcher = Dongying.principal(staff, "vd" + village);
        StaffPrincipal handler = Dongying.principal(staff, "chengguan.370523");
        ReportIncident report = new ReportIncident(
                Dongying.NOISE, "核查测试：商铺外放音乐", null, inside.getX(), inside.getY(), null, null, null, null, List.of());
        java.util.UUID handled =
                incidents.report(report, null, worker).incident().id();
        incidents.accept(handled, new IncidentCommand.Plain("", List.of()), dispatcher);
        incidents.dispatch(
                handled,
                new IncidentCommand.Dispatch("DUAL", "chengguan", List.of(), worker.userId(), null, "", List.of()),
                dispatcher);
        incidents.sign(handled, new IncidentCommand.Plain("", List.of()), handler);
        incidents.complete(
                handled,
                new IncidentCommand.Plain(
                        "已责令商铺关闭外放音响",
                        List.of(incidents.upload(Photos.jpeg(), handler).id())),
                handler);
        java.util.UUID small = incidents
                .report(
                        new ReportIncident(
                                Dongying.NOISE,
                                "就地解决测试：楼道堆放杂物",
                                null,
                                inside.getX(),
                                inside.getY(),
                                null,
                                null,
                                null,
                                null,
                                List.of()),
                        null,
                        worker)
                .incident()
                .id();
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("site", ".jpg");
        java.nio.file.Files.write(photo, Photos.jpeg());

        browser = phoneAt(inside.getX(), inside.getY());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("gridworker");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/m$"));

        browser.findElement(By.id("go-verify")).click();
        wait.until(ExpectedConditions.urlContains("/m/verify"));
        browser.findElement(By.cssSelector("a.card[href$='" + handled + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify")));
        browser.findElement(By.id("verify-photos"))
                .sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#verify button[value=true]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已结案"));
        IncidentView verified = incidents.find(handled, worker).orElseThrow();
        assertThat(verified.status()).isEqualTo("CLOSED");
        assertThat(verified.photos()).hasSize(2);

        browser.get("http://localhost:" + port + "/m/resolve");
        browser.findElement(By.cssSelector("a.card[href$='" + small + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resolve")));
        browser.findElement(By.id("resolve-result")).sendKeys("已协调业主清理楼道杂物");
        browser.findElement(By.id("resolve-photos"))
                .sendKeys(photo.toAbsolutePath().toString());
        Browser.screenshot(browser, "mobile-resolve");
        browser.findElement(By.cssSelector("#resolve button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已结案"));
        assertThat(incidents.find(small, worker).orElseThrow().resolutionLevel())
                .isEqualTo("GRID");
        java.nio.file.Files.deleteIfExists(photo);
    }
}
