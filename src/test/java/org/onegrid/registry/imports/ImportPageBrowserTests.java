package org.onegrid.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.registry.demo.SyntheticRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A village dispatcher imports a file with mistakes on the import page, in a real browser, and reads the report. */
@IntegrationTest
class ImportPageBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDispatcherSeesEveryProblemByRowAndColumnAndNothingIsImported() throws Exception {
        String id = SyntheticRegistry.idNumber("370523", LocalDate.of(1990, 5, 1), 123);
        String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        Path file = Files.createTempFile("户和人员", ".csv");
        Files.writeString(
                file,
                "\uFEFF" + ImportRulesTests.HEADER + "\r\n"
                        + "B1,户主,张明," + id + ",1990-05-02,,13805461234,户籍,,不存在的地址,\r\n"
                        + "B1,户主,王芳," + wrong + ",,,,户籍,孤老,不存在的地址,\r\n",
                StandardCharsets.UTF_8);
        browser = Browser.start(1400, 1000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("village.dispatcher");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/registry/import");
        assertThat(browser.getTitle()).startsWith("基础信息批量导入");
        Browser.assertAccessible(browser);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#form-import button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        String errors = browser.findElement(By.id("errors")).getText();
        assertThat(errors).contains("第 2 行", "出生日期", "第 3 行", "公民身份号码校验码错误", "人员标签", "两名户主", "不存在的地址");
        assertThat(browser.findElement(By.id("download-report")).getAttribute("href"))
                .endsWith("/registry/import/report.csv");
        Browser.screenshot(browser, "registry-import-refused");
        Browser.assertAccessible(browser);
    }
}
