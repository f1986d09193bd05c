package org.onegrid.staff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator opens the admin pages, creates a dispatcher and gives a catalog item a longer handle limit. */
@IntegrationTest
class AdminBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    org.onegrid.region.Grids grids;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorCreatesAUserAndChangesAHandleLimit() {
        browser = Browser.start(1440, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        // an administrator's home page is not the console yet; the console's top bar leads to 系统管理
        browser.get(base + "/map");
        browser.findElement(By.cssSelector(".topbar nav a[href='/admin']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin"));
        // the catalog tile is filled in by htmx
        wait.until(d -> !d.findElements(By.id("count-items")).isEmpty());
        assertThat(browser.findElement(By.id("count-items")).getText()).matches("\\d+");
        assertThat(browser.findElement(By.id("count-users")).getText()).matches("\\d+");
        Browser.screenshot(browser, "admin-overview");
        Browser.assertAccessible(browser);

        // a new dispatcher for 大王镇
        browser.findElement(By.id("tile-users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-user")));
        String username = "wang" + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("王晓");
        browser.findElement(By.id("password")).sendKeys("Dispatch2026a");
        browser.findElement(By.id("orgCode")).sendKeys("370523101.centre");
        browser.findElement(By.cssSelector("input[name=roles][value=CENTRE_DISPATCHER]"))
                .click();
        browser.findElement(By.cssSelector("#form-user button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
        WebElement row = browser.findElement(By.cssSelector("tr[data-username='" + username + "']"));
        assertThat(row.getText()).contains("王晓", "大王镇综治中心", "综治中心坐席");
        Browser.screenshot(browser, "admin-users");
        Browser.assertAccessible(browser);
        assertThat(staff.findByUsername(username).orElseThrow().roles()).containsExactly(Role.CENTRE_DISPATCHER);

        // the catalog: open an item and give it 48 hours to handle
        browser.findElement(By.cssSelector("nav.admin-tabs a[href='/admin/catalog']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        Browser.screenshot(browser, "admin-catalog");
        Browser.assertAccessible(browser);
        WebElement first = browser.findElement(By.cssSelector("#items tbody tr"));
        String code = first.getDomAttribute("data-code");
        CatalogItemView before = catalog.item(code).orElseThrow();
        // departments by their names and limits in words, as people say them
        List<WebElement> cells = first.findElements(By.tagName("td"));
        assertThat(cells.get(2).getText()).contains("局").doesNotContainPattern("[a-z]");
        assertThat(cells.get(4).getText())
                .containsPattern("(个工作小时|（自然时间）|（工作时间）)")
                .doesNotContainPattern("\\dh|min");
        first.findElement(By.cssSelector("td a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-item")));
        WebElement hours = browser.findElement(By.id("handleHours"));
        hours.clear();
        hours.sendKeys("48");
        Browser.screenshot(browser, "admin-catalog-item");
        assertThat(browser.findElement(By.id("department-names")).getText()).contains("局");
        Browser.assertAccessible(browser);
        browser.findElement(By.cssSelector("#form-item button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));

        CatalogItemView after = catalog.item(code).orElseThrow();
        assertThat(after.handle().minutes()).isEqualTo(48 * 60);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.departmentCodes()).isEqualTo(before.departmentCodes());

        // a grid file with a broken feature: nothing is imported and every problem is listed
        browser.findElement(By.cssSelector("nav.admin-tabs a[href='/admin/regions']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-grids")));
        int gridsBefore = grids.count();
        browser.findElement(By.id("grid-file")).sendKeys(brokenGridFile().toString());
        browser.findElement(By.cssSelector("#import-grids button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-grids table.import-errors")));
        assertThat(browser.findElement(By.cssSelector("#import-grids .result")).getText())
                .contains("未导入", "broken-grids.geojson");
        assertThat(grids.count()).isEqualTo(gridsBefore);
        Browser.screenshot(browser, "admin-regions-import");
        Browser.assertAccessible(browser);

        // the other administration pages meet the same accessibility bar
        for (String page : java.util.List.of("/admin/organisations", "/admin/deliveries", "/admin/open311")) {
            browser.get(base + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
            Browser.assertAccessible(browser);
        }
        // so does the Chinese page a mistyped address gets
        browser.get(base + "/admin/no-such-page");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("页面不存在");
        Browser.assertAccessible(browser);
    }

    private static java.nio.file.Path brokenGridFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("grids");
            java.nio.file.Path file = dir.resolve("broken-grids.geojson");
            java.nio.file.Files.writeString(
                    file,
                    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                            + "\"properties\":{\"code\":\"X1\"},\"geometry\":null}]}");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
