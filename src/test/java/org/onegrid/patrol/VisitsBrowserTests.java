package org.onegrid.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.PersonTag;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grid worker's visits on a phone at a mocked position: 无人在家, the revisit due, the second visit reporting a
 * problem into the loop; and the village's coverage on the centre's page moving with it.
 */
@IntegrationTest
class VisitsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

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
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void visitAtTheDoor(long household, String outcome) {
        open("/m/visits/" + household);
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("lat")), "value"));
        browser.findElement(By.cssSelector("input[name=outcome][value=" + outcome + "]"))
                .click();
    }

    @Test
    void aGridWorkerFindsNobodyHomeComesBackForTheRevisitAndReportsAProblemIntoTheLoop() {
        StaffPrincipal admin = Households.principal(staff, "admin");
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        Location place = grids.location(grid).orElseThrow();
        long household = Households.register(registry, grids, grid, 3, Set.of(PersonTag.KEY_PERSON), admin);
        Point door = Households.door(grids, grid);
        String village = "vd" + place.village().code();

        // the centre's figures before
        browser = Browser.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(village);
        open("/patrol/coverage?period=month");
        String visitsBefore = browser.findElement(By.cssSelector("#coverage-figures .fig:nth-child(3) b"))
                .getText();
        String householdsBefore =
                browser.findElement(By.cssSelector("#household-share + span")).getText();
        browser.quit();

        // at the door, 20 m from the address point
        phoneAt(door.getX(), door.getY() + 20 / 111_195.0);
        signIn("gridworker");
        open("/m");
        browser.findElement(By.id("go-visits")).click();
        wait.until(ExpectedConditions.urlContains("/m/visits"));
        open("/m/visits?all=true");
        assertThat(browser.findElement(By.cssSelector("a.household[data-household='" + household + "']"))
                        .getText())
                .contains("走访路8号1号楼1单元")
                .contains("张**")
                .contains("重点人员");

        visitAtTheDoor(household, "NOBODY_HOME");
        browser.findElement(By.id("notes")).sendKeys("敲门无人应答，已留联系卡");
        Browser.screenshot(browser, "visit-phone-door");
        Browser.assertAccessible(browser);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(browser.findElement(By.id("recorded")).getText())
                .contains("无人在家")
                .contains("前复访");

        // the revisit is due: the household is on today's list, marked 复访
        String card = browser.findElement(By.cssSelector("a.household[data-household='" + household + "']"))
                .getText();
        assertThat(card).contains("复访");
        Browser.screenshot(browser, "visit-phone-today");
        Browser.assertAccessible(browser);

        // the revisit: met, and a problem found goes into the loop in the same step
        visitAtTheDoor(household, "MET");
        browser.findElement(By.id("notes")).sendKeys("见到户主，反映楼上漏水");
        browser.findElement(By.id("problemFound")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("type-q")));
        browser.findElement(By.id("type-q")).sendKeys("邻里");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick[data-code='MDJF-001']")))
                .click();
        browser.findElement(By.id("problemText")).sendKeys("楼上漏水，邻里争执需调解");
        Browser.screenshot(browser, "visit-phone-problem");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("submit")));
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(browser.findElement(By.id("recorded")).getText())
                .contains("见面")
                .contains("发现的问题已上报");

        Map<String, Object> visit = jdbc.sql(
                        "SELECT v.number, v.incident_id, i.channel FROM patrol_visit v JOIN incident i ON i.id = v.incident_id"
                                + " WHERE v.household_id = :h AND v.outcome = 'MET'")
                .param("h", household)
                .query()
                .singleRow();
        assertThat(visit.get("channel")).isEqualTo("PATROL");
        assertThat(browser.findElements(By.cssSelector("a.household[data-household='" + household + "']")))
                .isEmpty();
        browser.quit();

        // the village's coverage moved
        browser = Browser.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(village);
        open("/patrol/coverage?period=month");
        String visitsAfter = browser.findElement(By.cssSelector("#coverage-figures .fig:nth-child(3) b"))
                .getText();
        assertThat(Long.parseLong(visitsAfter)).isEqualTo(Long.parseLong(visitsBefore) + 2);
        assertThat(browser.findElement(By.cssSelector("#household-share + span"))
                        .getText())
                .isNotEqualTo(householdsBefore);
        Browser.screenshot(browser, "visit-coverage-village");
        Browser.assertAccessible(browser);
    }

    @Autowired
    PatrolApi patrol;

    @Test
    void aPatrolIsRecordedOnThePhoneAndItsTrackShownOnTheMap() {
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        String grid = worker.grids().iterator().next();
        Point inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        phoneAt(inside.getX(), inside.getY());
        signIn("gridworker");
        open("/m");
        browser.findElement(By.id("go-patrol")).click();
        wait.until(ExpectedConditions.urlContains("/m/patrol"));
        if (!browser.findElements(By.id("stop")).isEmpty()) {
            browser.findElement(By.id("stop")).click();
            wait.until(ExpectedConditions.urlContains("/patrol/tracks/"));
            open("/m/patrol");
        }
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("grid"))).selectByValue(grid);
        browser.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("running")));
        // walking: the phone reports a few positions along the way
        for (int i = 1; i <= 3; i++) {
            ((ChromeDriver) browser)
                    .executeCdpCommand(
                            "Emulation.setGeolocationOverride",
                            Map.of("latitude", inside.getY() + i * 0.0004, "longitude", inside.getX(), "accuracy", 10));
            sleep(1500);
        }
        Browser.screenshot(browser, "patrol-phone-running");
        Browser.assertAccessible(browser);
        browser.findElement(By.id("stop")).click();
        wait.until(ExpectedConditions.urlContains("/patrol/tracks/"));
        String figures = browser.findElement(By.id("track-figures")).getText();
        assertThat(figures).contains("里程").contains("网格覆盖").doesNotContain("进行中");
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_track_point p JOIN patrol_track t ON t.id = p.track_id"
                                + " WHERE t.worker_id = :w AND t.status = 'ENDED'")
                        .param("w", worker.userId())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
        sleep(1500);
        Browser.screenshot(browser, "patrol-track");
        Browser.assertAccessible(browser);
    }

    @Test
    void aCityCampaignOrderedOnItsPageRollsUpAVisitLive() {
        StaffPrincipal admin = Households.principal(staff, "admin");
        StaffPrincipal worker = Households.principal(staff, "gridworker");
        String grid = worker.grids().iterator().next();
        long household = Households.register(registry, grids, grid, 2, Set.of(), admin);
        Point door = Households.door(grids, grid);

        browser = Browser.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("city.dispatcher");
        open("/patrol/campaigns");
        browser.findElement(By.id("name")).sendKeys("全市入户摸排（浏览器）");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('startsOn').value = arguments[0];"
                                + "document.getElementById('endsOn').value = arguments[1];",
                        patrol.today().toString(),
                        patrol.today().plusDays(20).toString());
        browser.findElement(By.id("questions")).sendKeys("是否有外来常住人员\n是否有安全隐患");
        browser.findElement(By.id("order")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-households")));
        String before = browser.findElement(By.id("campaign-households")).getText();

        patrol.recordVisit(
                new RecordVisit(
                        null,
                        household,
                        org.onegrid.patrol.domain.Outcome.MET,
                        java.time.Instant.now().minusSeconds(600),
                        java.time.Instant.now(),
                        door.getX(),
                        door.getY(),
                        null,
                        null,
                        List.of(),
                        null,
                        null),
                worker);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-households")));
        String after = browser.findElement(By.id("campaign-households")).getText();
        assertThat(Long.parseLong(after.split(" / ")[0])).isEqualTo(Long.parseLong(before.split(" / ")[0]) + 1);
        Browser.screenshot(browser, "campaign-city");
        Browser.assertAccessible(browser);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
