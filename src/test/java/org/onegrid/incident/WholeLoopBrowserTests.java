package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.region.Grids;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole loop through the pages, each person in their own browser: a grid worker reports for a resident from the
 * phone at the browser's (mocked) position; the village dispatcher accepts and dispatches it dual; the county's
 * 城管执法 signs and completes it with a photo; the grid worker verifies it on the spot; the resident rates it by the
 * tracking code; and the leader's dashboard, open all along, counts the report and the closing without a reload.
 */
@IntegrationTest
class WholeLoopBrowserTests {

    private static final String PASSWORD = "Demo@2026";

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    IncidentApi incidents;

    private final List<WebDriver> browsers = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aReportForAResidentTravelsTheWholeLoopThroughThePagesAndTheDashboardCountsIt() throws Exception {
        StaffPrincipal worker = Dongying.principal(staff, "gridworker");
        String grid = staff.gridsOf(worker.userId()).stream()
                .filter(g -> g.duty() == GridDuty.GRID_WORKER)
                .map(g -> g.gridCode())
                .sorted()
                .findFirst()
                .orElseThrow();
        Point inside = grids.geometry(grid).orElseThrow().getInteriorPoint();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String text = "代群众反映：小区东门烧烤摊夜间噪音扰民 " + marker;
        Path photo = Files.createTempFile("site", ".jpg");
        Files.write(photo, Photos.jpeg());

        // the leader's command screen, open before anything happens
        WebDriver screen = start(1920, 1080);
        WebDriverWait screenWait = new WebDriverWait(screen, Duration.ofSeconds(30));
        signIn(screen, "leader", "/dashboard");
        screenWait.until(d -> d.findElement(By.id("screen")).getDomAttribute("data-refreshed") != null);
        screenWait.until(
                d -> d.findElement(By.id("live")).getDomAttribute("class").contains("on"));
        long reportedToday = kpi(screen, "reportedToday");
        long closed = kpi(screen, "closed");

        // 1. the grid worker reports for a resident, at the phone's position
        WebDriver phone = phoneAt(inside.getX(), inside.getY());
        WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(20));
        signIn(phone, "gridworker", "/m");
        phone.findElement(By.id("go-report")).click();
        phoneWait.until(ExpectedConditions.urlContains("/m/report"));
        phone.findElement(By.id("type-q")).sendKeys("噪音");
        phoneWait
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.type-pick")))
                .click();
        phone.findElement(By.id("text")).sendKeys(text);
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("where"), "花园社区"));
        phone.findElement(By.cssSelector("#on-behalf summary")).click();
        phone.findElement(By.id("resident-name")).sendKeys("赵女士");
        phone.findElement(By.id("resident-phone")).sendKeys("13900001111");
        phone.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        phone.findElement(By.id("submit")).click();
        phoneWait.until(ExpectedConditions.urlContains("/m/i/"));
        UUID id = UUID.fromString(phone.getCurrentUrl().replaceAll(".*/m/i/", ""));
        assertThat(phone.findElement(By.id("status")).getText()).isEqualTo("待受理");
        String code = phone.findElement(By.id("tracking-code")).getText().strip();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        Browser.screenshot(phone, "loop-1-reported-for-a-resident");

        // the dashboard counts the report, live
        screenWait.until(d -> kpi(d, "reportedToday") == reportedToday + 1);

        // 2. the village dispatcher accepts and dispatches it dual: 城管执法 handles, the grid worker supervises
        WebDriver desk = start(1600, 1000);
        WebDriverWait deskWait = new WebDriverWait(desk, Duration.ofSeconds(20));
        signIn(desk, "village.dispatcher", "/workbench");
        deskWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        desk.findElement(By.cssSelector("tr[data-id='" + id + "'] td.text a")).click();
        deskWait.until(ExpectedConditions.urlContains("/incidents/" + id));
        desk.findElement(By.cssSelector("#form-accept button[type=submit]")).click();
        deskWait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-dispatch")));
        new Select(desk.findElement(By.id("d-mode"))).selectByValue("DUAL");
        assertThat(new Select(desk.findElement(By.id("d-department")))
                        .getFirstSelectedOption()
                        .getText())
                .contains("城管");
        new Select(desk.findElement(By.id("d-supervisor"))).selectByValue(String.valueOf(worker.userId()));
        desk.findElement(By.id("c-dispatch")).sendKeys("请城管执法依法处置，网格员现场监督");
        desk.findElement(By.cssSelector("#form-dispatch button[type=submit]")).click();
        deskWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已派遣"));
        assertThat(desk.findElement(By.cssSelector("dl.facts")).getText()).contains("双派单");

        // 3. the department signs and completes it with a photo
        WebDriver office = start(1280, 860);
        WebDriverWait officeWait = new WebDriverWait(office, Duration.ofSeconds(20));
        signIn(office, "chengguan.370523", "/inbox");
        By row = By.cssSelector("a[href$='/inbox/" + id + "']");
        officeWait.until(ExpectedConditions.presenceOfElementLocated(row));
        Browser.screenshot(office, "loop-3-inbox");
        office.findElement(row).click();
        officeWait.until(ExpectedConditions.urlContains("/inbox/" + id));
        office.findElement(By.cssSelector("#sign button")).click();
        officeWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "已签收"));
        office.findElement(By.id("result")).sendKeys("已责令摊主22点前收摊并更换低噪设备");
        office.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        office.findElement(By.cssSelector("#complete button[type=submit]")).click();
        officeWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "已办结"));
        Browser.screenshot(office, "loop-3-completed");

        // 4. the supervising grid worker verifies on the spot, with a photo
        phone.get(base() + "/m/verify");
        phone.findElement(By.cssSelector("a.card[href$='" + id + "']")).click();
        phoneWait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify")));
        phone.findElement(By.id("verify-photos"))
                .sendKeys(photo.toAbsolutePath().toString());
        phone.findElement(By.cssSelector("#verify button[value=true]")).click();
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已结案"));
        Browser.screenshot(phone, "loop-4-verified");

        // the dashboard counts the closing, live
        screenWait.until(d -> kpi(d, "closed") == closed + 1);
        Browser.screenshot(screen, "loop-dashboard");

        // 5. the resident, without an account, follows it by the code and rates it
        WebDriver resident = start(390, 844);
        WebDriverWait residentWait = new WebDriverWait(resident, Duration.ofSeconds(20));
        resident.get(base() + "/r/track");
        resident.findElement(By.id("code")).sendKeys(code);
        resident.findElement(By.cssSelector("button[type=submit]")).click();
        residentWait.until(ExpectedConditions.urlContains("/r/track/" + code));
        String page = resident.findElement(By.tagName("main")).getText();
        assertThat(page).contains("已结案", "已责令摊主22点前收摊");
        assertThat(page).doesNotContain("赵女士").doesNotContain("13900001111").doesNotContain(worker.displayName());
        resident.findElement(By.cssSelector("#rate button[value=SATISFIED]")).click();
        residentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating")));
        assertThat(resident.findElement(By.id("rating")).getText()).contains("满意");
        Browser.screenshot(resident, "loop-5-rated");

        // the record: every step in the verified history, rated by the resident
        IncidentView done = incidents.find(id, worker).orElseThrow();
        assertThat(done.status()).isEqualTo("CLOSED");
        assertThat(done.satisfaction()).isEqualTo("SATISFIED");
        assertThat(done.photos()).hasSize(3);
        HistoryView history = incidents.history(id, worker).orElseThrow();
        assertThat(history.verified()).isTrue();
        assertThat(history.entries().stream().map(HistoryView.Entry::action))
                .containsExactly("REPORT", "ACCEPT", "DISPATCH", "SIGN", "COMPLETE", "VERIFY_PASS", "EVALUATE");
        Files.deleteIfExists(photo);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebDriver start(int width, int height) {
        WebDriver driver = Browser.start(width, height);
        browsers.add(driver);
        return driver;
    }

    /** A phone whose browser reports the position {@code lng, lat} and may tell it to the application. */
    private WebDriver phoneAt(double lng, double lat) {
        WebDriver driver = start(390, 844);
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand(
                "Browser.grantPermissions", Map.of("origin", base(), "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng, "accuracy", 10));
        return driver;
    }

    private void signIn(WebDriver driver, String username, String home) {
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(home));
    }

    /** A KPI tile's figure on the dashboard, -1 while it shows none. */
    private static long kpi(WebDriver screen, String name) {
        Object text = ((JavascriptExecutor) screen)
                .executeScript(
                        "const b = document.querySelector('[data-kpi=' + arguments[0] + '] b');"
                                + "return b ? b.textContent : '';",
                        name);
        String digits = String.valueOf(text).replace(",", "").strip();
        return digits.matches("\\d+") ? Long.parseLong(digits) : -1;
    }
}
