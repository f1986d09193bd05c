package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in page in a real browser, on a desktop and on a phone. */
@IntegrationTest
class LoginPageBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/home");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void aDispatcherSignsInAndSeesWhoTheyAreAndWhereTheyWork() {
        browser = Browser.start(1280, 800);
        browser.get("http://localhost:" + port + "/login");
        Browser.screenshot(browser, "staff-login");
        Browser.assertAccessible(browser);
        signIn("dawang.dispatcher", "Demo@2026");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/home"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("大王镇综治中心", "综治中心坐席", "东营市 / 广饶县 / 大王镇", "区域地图");
        Browser.screenshot(browser, "staff-home");
        Browser.assertAccessible(browser);

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("您已安全退出");
    }

    @Test
    void aWrongPasswordIsToldOnThePhoneSizedPage() {
        browser = Browser.start(390, 844);
        signIn("gridworker", "not-the-password");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("用户名或密码错误");
        Browser.screenshot(browser, "staff-login-phone-error");
        Browser.assertAccessible(browser);
    }
}
