package org.onegrid.worktime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.worktime.WorkCalendars;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator opens 工作日历, sees a year counted on the provisional calendar with its festivals marked, and
 * enters it as official by marking the days; the overview's tile tells where the calendar stands.
 */
@IntegrationTest
class CalendarPageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    WorkCalendars calendars;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorMarksAProvisionalYearsDaysAndEntersItAsOfficial() {
        browser = Browser.start(1440, 1000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(base + "/admin");
        wait.until(d -> !d.findElements(By.cssSelector("#tile-calendar li")).isEmpty());
        assertThat(browser.findElement(By.id("tile-calendar")).getText()).contains("工作日历");

        int next = LocalDate.now(calendars.current().zone()).getYear() + 1;
        browser.get(base + "/admin/calendar?year=" + next);
        assertThat(browser.findElement(By.id("year-status")).getText()).startsWith(next + " 年");
        Browser.screenshot(browser, "admin-calendar");
        // the page's own content meets WCAG 2.1 A and AA as axe-core checks it
        Results axe = new AxeBuilder()
                .include("main")
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(axe.getViolations())
                .as(() -> axe.getViolations().stream()
                        .map(v -> v.getId() + ": " + v.getHelp() + " "
                                + v.getNodes().size() + "×")
                        .toList()
                        .toString())
                .isEmpty();

        // a year far ahead, so that no other test's deadlines move
        int year = calendars.current().lastYear() - 3;
        browser.get(base + "/admin/calendar?year=" + year);
        assertThat(browser.findElement(By.id("year-status")).getText()).contains("临时日历");
        assertThat(browser.findElements(By.cssSelector("td.off"))).hasSizeGreaterThanOrEqualTo(13);
        // 元旦 is marked off, a weekday of it ticked as a day off
        assertThat(browser.findElement(By.xpath("//input[@value='" + year + "-01-01']/ancestor::td"))
                        .getAttribute("class"))
                .contains("off");
        browser.findElement(By.id("mark-submit")).click();
        wait.until(d -> !d.findElements(By.id("calendar-entered")).isEmpty()
                || !d.findElements(By.id("calendar-error")).isEmpty()
                || !d.findElements(By.cssSelector(".error-page")).isEmpty());
        assertThat(browser.findElements(By.id("calendar-entered")))
                .as(browser.findElement(By.tagName("main")).getText())
                .isNotEmpty();
        assertThat(browser.findElement(By.id("year-status")).getText()).contains("正式安排");
        assertThat(calendars.current().isProvisional(year)).isFalse();

        browser.get(base + "/admin/calendar?year=abc");
        assertThat(browser.getPageSource()).contains("页面不存在").contains("错误代码 404");
    }
}
