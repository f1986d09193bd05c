package org.onegrid.staff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.staff.CreateUser;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.UserView;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator adds a catalog item, then edits and disables a user's account, in a real browser. */
@IntegrationTest
class AdminEditBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorAddsAnItemThenEditsAndDisablesAUser() {
        browser = Browser.start(1440, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        // a new item in 城市管理: first sent without limits, refused beside the fields
        browser.get(base + "/admin/catalog?category=CSGL");
        browser.findElement(By.id("new-item")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-item")));
        String code = "CSGL9" + UUID.randomUUID().toString().substring(0, 3).toUpperCase();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("name")).sendKeys("共享单车乱停放");
        browser.findElement(By.id("departmentCodes")).sendKeys("chengguan");
        new Select(browser.findElement(By.id("level"))).selectByValue("TOWN");
        browser.findElement(By.id("keywords")).sendKeys("单车, 乱停");
        browser.findElement(By.cssSelector("#form-item button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-item .field-error")));
        assertThat(browser.findElement(By.cssSelector("#form-item .field-error"))
                        .getText())
                .contains("请填写小时数");
        assertThat(catalog.item(code)).isEmpty();
        type("acceptHours", "2");
        type("handleHours", "24");
        type("verifyHours", "4");
        Browser.screenshot(browser, "admin-catalog-new-item");
        Browser.assertAccessible(browser);
        browser.findElement(By.cssSelector("#form-item button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
        CatalogItemView item = catalog.item(code).orElseThrow();
        assertThat(item.categoryCode()).isEqualTo("CSGL");
        assertThat(item.handle().minutes()).isEqualTo(24 * 60);
        assertThat(item.active()).isTrue();

        // a grid worker becomes a dispatcher of 大王镇, then leaves and is disabled
        UserView user = newGridWorker();
        browser.get(base + "/admin/users?text=" + user.username());
        browser.findElement(By.cssSelector("tr[data-username='" + user.username() + "'] a"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-user-edit")));
        browser.findElement(By.cssSelector("input[name=roles][value=GRID_WORKER]"))
                .click();
        browser.findElement(By.cssSelector("input[name=roles][value=CENTRE_DISPATCHER]"))
                .click();
        WebElement org = browser.findElement(By.id("orgCode"));
        org.clear();
        org.sendKeys("370523101.centre");
        Browser.screenshot(browser, "admin-users-edit");
        Browser.assertAccessible(browser);
        browser.findElement(By.cssSelector("#form-user-edit button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(staff.find(user.id()).orElseThrow().roles()).containsExactly(Role.CENTRE_DISPATCHER);

        browser.findElement(By.cssSelector("#form-enabled button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("toggled")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("停用");
        assertThat(staff.find(user.id()).orElseThrow().enabled()).isFalse();
        Browser.screenshot(browser, "admin-users-disabled");
        Browser.assertAccessible(browser);

        browser.get(base + "/admin/users?text=" + user.username());
        assertThat(browser.findElement(By.cssSelector("tr[data-username='" + user.username() + "']"))
                        .getText())
                .contains("停用", "综治中心坐席");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private UserView newGridWorker() {
        var admin = staff.principal(staff.findByUsername("admin").orElseThrow().id())
                .orElseThrow();
        return staff.create(
                new CreateUser(
                        "gw" + UUID.randomUUID().toString().substring(0, 6),
                        "孙晓梅",
                        "Welcome2026x",
                        organisations
                                .findByCode("370523101.centre")
                                .orElseThrow()
                                .id(),
                        Set.of(Role.GRID_WORKER),
                        "13800001234"),
                admin);
    }
}
