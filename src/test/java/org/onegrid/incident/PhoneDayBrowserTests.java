package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The field roles' day on a phone (390 × 844): messages, every page they open, the resident's reports and photos. */
@IntegrationTest
class PhoneDayBrowserTests {

    static final String PASSWORD = "Demo@2026";

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    Notifications notifications;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;

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

    /** A phone, whose browser may tell the application the position {@code lng, lat}. */
    void phoneAt(double lng, double lat) {
        browser = Browser.start(390, 844);
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng, "accuracy", 10));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /**
     * The page fits the phone: nothing scrolls sideways, and no label is squeezed to a character per line (a box
     * narrower than two characters and taller than two lines).
     */
    void fitsThePhone() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object widths = js.executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on %s: %s", browser.getCurrentUrl(), widths)
                .isEqualTo(true);
        Object squeezed = js.executeScript("""
                return [...document.querySelectorAll('header a, header button, header span, nav a, main a, main button,'
                        + ' main label, main th, main td, main h1, main h2, main b, main .tag')]
                  .filter(e => e.offsetParent !== null && e.textContent.trim().length > 1)
                  .filter(e => {
                    const style = getComputedStyle(e);
                    const size = parseFloat(style.fontSize);
                    const line = parseFloat(style.lineHeight) || size * 1.4;
                    const box = e.getBoundingClientRect();
                    return box.height > 2.5 * line && box.width < 2.2 * size;
                  })
                  .map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 20));
                """);
        assertThat((List<?>) squeezed)
                .as("labels squeezed to a character per line on %s", browser.getCurrentUrl())
                .isEmpty();
    }

    StaffPrincipal gridWorker() {
        return Dongying.principal(staff, "gridworker");
    }

    Point insideTheWorkersGrid(StaffPrincipal worker) {
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        return grids.geometry(grid).orElseThrow().getInteriorPoint();
    }

    /** An incident the worker reported, accepted by their village and dispatched to 城管 in this mode. */
    UUID dispatchedFromTheWorkersGrid(StaffPrincipal worker, Point inside, String mode, String text) {
        String village = grids.locate(inside.getX(), inside.getY())
                .orElseThrow()
                .village()
                .code();
        StaffPrincipal dispatcher = Dongying.principal(staff, "vd" + village);
        UUID id = incidents
                .report(
                        new ReportIncident(
                                Dongying.NOISE,
                                text,
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
        incidents.accept(id, new IncidentCommand.Plain("", List.of()), dispatcher);
        incidents.dispatch(
                id,
                new IncidentCommand.Dispatch(
                        mode,
                        "chengguan",
                        List.of(),
                        "DUAL".equals(mode) ? worker.userId() : null,
                        null,
                        "",
                        List.of()),
                dispatcher);
        return id;
    }

    @Test
    void aDualDispatchReachesTheSupervisingWorkersMessagesAndReadingItClearsItsUnreadMark() {
        StaffPrincipal worker = gridWorker();
        Point inside = insideTheWorkersGrid(worker);
        UUID id = dispatchedFromTheWorkersGrid(worker, inside, "DUAL", "双派单消息：夜市摊位音响扰民");
        long unread = notifications.mine(worker, true, 0, 1).unread();
        assertThat(unread).isPositive();

        phoneAt(inside.getX(), inside.getY());
        signIn("gridworker");
        wait.until(ExpectedConditions.urlMatches(".*/m$"));
        assertThat(browser.findElement(By.cssSelector("#go-messages .n")).getText())
                .isEqualTo(Long.toString(unread));
        // the bar's bell says it on every phone page
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bar-messages .count")));
        Browser.screenshot(browser, "mobile-home-messages");

        browser.findElement(By.id("go-messages")).click();
        wait.until(ExpectedConditions.urlContains("/m/messages"));
        WebElement newest = browser.findElement(By.cssSelector(".message"));
        assertThat(newest.getText()).contains("双派单：请现场督办并核查", "噪音扰民");
        assertThat(newest.getAttribute("class")).contains("unread");
        fitsThePhone();
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "mobile-messages");

        newest.findElement(By.cssSelector("button.open")).click();
        wait.until(ExpectedConditions.urlContains("/m/i/" + id));
        assertThat(notifications.mine(worker, true, 0, 1).unread()).isEqualTo(unread - 1);

        open("/m");
        assertThat(browser.findElement(By.cssSelector("#go-messages .n")).getText())
                .isEqualTo(Long.toString(unread - 1));
        open("/m/messages");
        WebElement read = browser.findElement(By.cssSelector(".message"));
        assertThat(read.getText()).contains("双派单：请现场督办并核查");
        assertThat(read.getAttribute("class")).doesNotContain("unread");
    }

    @Test
    void everyPageAFieldRoleOpensFitsAPhone() {
        StaffPrincipal worker = gridWorker();
        Point inside = insideTheWorkersGrid(worker);
        dispatchedFromTheWorkersGrid(worker, inside, "DUAL", "手机宽度检查：井盖缺失");
        UUID incident = dispatchedFromTheWorkersGrid(worker, inside, "DUAL", "手机宽度检查：路灯不亮");
        phoneAt(inside.getX(), inside.getY());

        signIn("gridworker");
        open("/notifications");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notifications")));
        fitsThePhone();
        Browser.assertAccessible(browser);
        // newest first
        List<String> times = browser.findElements(By.cssSelector("#notifications td.when")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Browser.screenshot(browser, "notifications-phone");
        // the sections fold into the menu
        WebElement menu = browser.findElement(By.cssSelector(".topbar .menu-toggle"));
        assertThat(browser.findElement(By.id("topnav")).isDisplayed()).isFalse();
        menu.click();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.id("topnav")).getText()).contains("网格员", "区划与网格");
        fitsThePhone();
        Browser.screenshot(browser, "notifications-phone-menu");
        // a notice opens the incident on the worker's phone page
        browser.findElement(By.cssSelector("#notifications td.acts button")).click();
        wait.until(ExpectedConditions.urlContains("/m/i/"));

        open("/map");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map.leaflet-container")));
        fitsThePhone();
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "map-phone");

        List<String> misfits = new java.util.ArrayList<>();
        for (String page : List.of(
                "/m", "/m/report", "/m/mine", "/m/verify", "/m/resolve", "/m/messages", "/home", "/m/i/" + incident)) {
            checkAt(page, misfits);
        }
        browser.manage().deleteAllCookies();

        for (String username : List.of("chengguan.370523", "mediator")) {
            signIn(username);
            for (String page : List.of("/", "/notifications", "/map", "/home", "/inbox/" + incident)) {
                checkAt(page, misfits);
            }
            Browser.screenshot(browser, username.equals("mediator") ? "mediator-phone" : "inbox-incident-phone");
            browser.manage().deleteAllCookies();
        }
        for (String page : List.of("/r", "/r/report", "/r/track")) {
            checkAt(page, misfits);
        }
        assertThat(misfits).isEmpty();
    }

    private void checkAt(String page, List<String> misfits) {
        open(page);
        try {
            fitsThePhone();
        } catch (AssertionError e) {
            misfits.add(e.getMessage());
            Browser.screenshot(browser, "misfit" + page.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    @Test
    void aResidentsPhotoIsStoredWithTheReportAndShownWhenFollowingIt() throws Exception {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 5);
        Path photo = Files.createTempFile("street", ".jpg");
        byte[] sent = Photos.jpeg();
        Files.write(photo, sent);
        phoneAt(spot.lng(), spot.lat());

        open("/r/report");
        browser.findElement(By.id("type-q")).sendKeys("噪音");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick")))
                .click();
        browser.findElement(By.id("text")).sendKeys("路口井盖旁有人夜间施工噪音");
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        fitsThePhone();
        Browser.assertAccessible(browser);
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.urlContains("/r/track/"));
        String code = browser.findElement(By.id("tracking-code")).getText().strip();
        UUID id = jdbc.sql("SELECT id FROM incident WHERE tracking_code = :c")
                .param("c", code)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM case_attachment WHERE case_kind = 'incident' AND case_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        WebElement shown = browser.findElement(By.cssSelector("#photos img"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", shown));
        fitsThePhone();
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "resident-report-photo");
        Files.deleteIfExists(photo);

        // a photo is served only with its own report's code
        String photoId = shown.getAttribute("src").replaceAll(".*/", "");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<byte[]> own = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/r/track/" + code + "/photos/" + photoId))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(sent);
        java.net.http.HttpResponse<byte[]> other = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/r/track/ZZZZ2222/photos/" + photoId))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedInResidentFindsTheirOwnReportsReportsAgainAndSignsOut() {
        Dongying.Spot spot = Dongying.spot(grids, Dongying.DAWANG, 7);
        StaffPrincipal resident = Dongying.principal(staff, "resident");
        UUID earlier = incidents
                .report(
                        new ReportIncident(
                                Dongying.NOISE,
                                "楼上装修周末一早就开始",
                                "CITIZEN",
                                spot.lng(),
                                spot.lat(),
                                null,
                                null,
                                null,
                                null,
                                List.of()),
                        null,
                        resident)
                .incident()
                .id();
        phoneAt(spot.lng(), spot.lat());

        signIn("resident");
        wait.until(ExpectedConditions.urlMatches(".*/r$"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).doesNotContain("无需注册").contains("我反映的问题", "楼上装修周末一早就开始", "待受理");
        fitsThePhone();
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "resident-home");

        browser.findElement(By.cssSelector("a.card[href$='" + earlier + "']")).click();
        wait.until(ExpectedConditions.urlContains("/r/mine/" + earlier));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待受理");
        Browser.assertAccessible(browser);

        // a report made signed in is the resident's own, and lands on their page
        open("/r/report");
        browser.findElement(By.id("type-q")).sendKeys("噪音");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick")))
                .click();
        browser.findElement(By.id("text")).sendKeys("小区门口夜宵摊喧哗");
        wait.until(d -> !d.findElement(By.id("lng")).getAttribute("value").isEmpty());
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/r/mine/"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("我的反映");
        open("/r");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("小区门口夜宵摊喧哗");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        open("/r");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("无需注册");
        // someone else's report, or a signed-out visitor's look at one, is not found
        open("/r/mine/" + earlier);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("楼上装修");
    }
}
