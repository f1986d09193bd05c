package org.onegrid.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo town's past visits, generated once its synthetic registry is in (a month of them in the tests): the town's
 * centre finds them on its coverage page, with the villages that lag behind.
 */
@IntegrationTest
class DemoVisitsBrowserTests {

    static final String TOWN = "370523101"; // 大王镇

    @LocalServerPort
    int port;

    @Autowired
    PatrolApi patrol;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDemoTownsCoveragePageShowsThePastMonthsVisitsOfItsGridWorkers() {
        LocalDate today = patrol.today();
        LocalDate from = today.minusDays(30);
        StaffPrincipal town = Households.principal(staff, "dawang.dispatcher");
        CoverageView coverage = patrol.coverage(TOWN, Period.of("custom", today, from, today), town);
        assertThat(coverage.figures().householdsVisited()).isPositive();
        // uneven grid workers: not every household was reached in the month
        assertThat(coverage.figures().householdsVisited())
                .isLessThan(coverage.figures().householdsRegistered());
        assertThat(coverage.parts())
                .anySatisfy(village ->
                        assertThat(village.figures().householdsVisited()).isPositive());
        // the demo's visits go through the visit action: some found nobody home, some a change for the village
        assertThat(jdbc.sql("SELECT DISTINCT outcome FROM patrol_visit WHERE region_path LIKE '%/' || :town || '/%'")
                        .param("town", TOWN)
                        .query(String.class)
                        .list())
                .contains("MET", "NOBODY_HOME");

        browser = Browser.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        open("/login");
        browser.findElement(By.id("username")).sendKeys("dawang.dispatcher");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        open("/patrol/coverage?region=" + TOWN + "&period=custom&from=" + from + "&to=" + today);

        String households =
                browser.findElement(By.cssSelector("#household-share + span")).getText();
        assertThat(households)
                .isEqualTo(coverage.figures().householdsVisited() + " / "
                        + coverage.figures().householdsRegistered() + " 户");
        assertThat(browser.findElement(By.id("household-share")).getText()).isNotEqualTo("0.0%");
        assertThat(browser.findElements(By.cssSelector("#coverage-parts tbody tr")))
                .hasSize(coverage.parts().size());
        Browser.screenshot(browser, "visit-coverage-demo-town");
        Browser.assertAccessible(browser);
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }
}
