package org.onegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.browser.Browser;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.registry.domain.Member;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Residence;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's pages in real Chromium: a person masked by default, shown unmasked once for a stated purpose, the
 * read in the supervisor's access log; the lists, the household and the grid worker's phone list, each accessible.
 */
@IntegrationTest
class RegistryPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;
    GridView grid;

    @BeforeEach
    void aGrid() {
        grid = grids.all().get(0);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonIsMaskedUntilAPurposeIsGivenAndTheReadShowsInTheSupervisorsAccessLog() {
        String id = RegistryStorageTests.idNumber(true);
        long person = person("欧阳明", id, "13855556666", Set.of(PersonTag.ELDERLY_ALONE));
        String worker = "gw" + grid.code();

        browser = Browser.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(worker);
        browser.get(url("/registry/persons/" + person));
        assertThat(text("#field-name")).isEqualTo("欧**");
        assertThat(text("#field-idNumber")).isEqualTo(id.substring(0, 3) + "*".repeat(11) + id.substring(14));
        assertThat(text("main")).doesNotContain("欧阳明").doesNotContain(id).doesNotContain("13855556666");
        assertThat(text("main")).contains("独居老人", "在册");
        Browser.screenshot(browser, "registry-person");
        Browser.assertAccessible(browser);

        // no purpose: refused beside the field, nothing logged
        browser.findElement(By.cssSelector("#unmask-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("purpose-error")));
        assertThat(text("#purpose-error")).contains("查看事由");
        assertThat(text("#field-name")).isEqualTo("欧**");
        assertThat(logRows(person)).isZero();
        Browser.assertAccessible(browser);

        browser.findElement(By.id("purpose")).sendKeys("入户走访核对身份");
        browser.findElement(By.cssSelector("#unmask-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unmasked-note")));
        assertThat(text("#field-name")).isEqualTo("欧阳明");
        assertThat(text("#field-idNumber")).isEqualTo(id);
        assertThat(text("#field-phone")).isEqualTo("13855556666");
        assertThat(text("#unmasked-note")).contains("入户走访核对身份");
        assertThat(logRows(person)).isEqualTo(1);
        Browser.screenshot(browser, "registry-person-unmasked");
        Browser.assertAccessible(browser);

        // shown once: reading the page again shows it masked
        browser.get(url("/registry/persons/" + person));
        assertThat(text("#field-name")).isEqualTo("欧**");

        // a wrong phone in the edit form: a Chinese message beside the field, nothing changed
        browser.get(url("/registry/persons/" + person + "/edit"));
        browser.findElement(By.id("phone")).sendKeys("12345");
        browser.findElement(By.cssSelector("#person-edit button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-error")));
        assertThat(text("#phone-error")).contains("电话号码");
        Browser.assertAccessible(browser);
        assertThat(registry.person(person, RegistryStorageTests.ADMIN)
                        .orElseThrow()
                        .version())
                .isZero();

        // the supervisor reads who, whom, which fields, when and why
        browser.manage().deleteAllCookies();
        signIn("leader");
        browser.get(url("/registry/access-log?person=" + person));
        String log = text("#log");
        assertThat(log).contains(worker, "欧**", "入户走访核对身份", "姓名", "身份号码", "电话");
        Browser.screenshot(browser, "registry-access-log");
        Browser.assertAccessible(browser);
        browser.get(url("/registry/access-log?from=2026-02-01&to=2026-01-01"));
        assertThat(text("#to-error")).contains("结束日期不能早于开始日期");
    }

    @Test
    void theGridsListsTheHouseholdAndThePhoneListShowTheGridsPeopleMaskedWithTotalsPerTag() {
        long head = person("慕容清", RegistryStorageTests.idNumber(false), null, Set.of(PersonTag.LOW_INCOME));
        long child = person("慕容小", RegistryStorageTests.idNumber(true), null, Set.of());
        long address =
                registry.person(head, RegistryStorageTests.ADMIN).orElseThrow().addressId();
        long household = registry.registerHousehold(
                new RegisterHousehold(
                        address, List.of(new Member(head, Relation.HEAD), new Member(child, Relation.CHILD))),
                RegistryStorageTests.ADMIN);

        browser = Browser.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("admin");
        browser.get(url("/registry?grid=" + grid.code() + "&tag=LOW_INCOME"));
        assertThat(text("#persons")).contains("慕*").doesNotContain("慕容清");
        assertThat(text(".crumbs")).contains(grid.name());
        Browser.screenshot(browser, "registry-list");
        Browser.assertAccessible(browser);

        browser.get(url("/registry/households/" + household));
        assertThat(text("#members")).contains("慕*", "户主", "子女");
        assertThat(text("#history")).contains("户内变更", "立户", "慕**").doesNotContain("人员 ");
        Browser.screenshot(browser, "registry-household");
        Browser.assertAccessible(browser);

        // an organisation's edit refused beside its field, nothing changed
        long organisation = registry.registerOrganisation(
                new RegisterOrganisation(
                        OrganisationKind.ENTERPRISE,
                        "东营慕容餐饮有限公司",
                        RegistryStorageTests.withCheckCharacter("91370502MA3D"
                                + String.format(
                                        "%05d", ThreadLocalRandom.current().nextInt(100_000))),
                        "餐饮",
                        address,
                        head,
                        Set.of(OrganisationTag.NINE_SMALL)),
                RegistryStorageTests.ADMIN);
        browser.get(url("/registry/organisations/" + organisation));
        assertThat(text("main")).contains("九小场所", "慕**");
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.cssSelector("#organisation-edit button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));
        assertThat(text("#name-error")).isEqualTo("必须填写组织名称");
        Browser.assertAccessible(browser);
        assertThat(registry.organisation(organisation, RegistryStorageTests.ADMIN)
                        .orElseThrow()
                        .name())
                .isEqualTo("东营慕容餐饮有限公司");

        // the map: the grid found at a point shows its registry counts and links to its list
        Point inside = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
        browser.get(url("/map"));
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return !!window.oneGridMap") == Boolean.TRUE);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "oneGridMap.fire('click', {latlng: L.latLng(arguments[1], arguments[0])});",
                        inside.getX(),
                        inside.getY());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registry-counts"), "在册人口"));
        assertThat(text("#registry-counts")).contains("本网格", "户 ", "查看名单");
        browser.findElement(By.cssSelector("#registry-counts a")).click();
        wait.until(ExpectedConditions.urlContains("/registry?grid=" + grid.code()));
        assertThat(text(".crumbs")).contains(grid.name());
        browser.quit();

        browser = Browser.start(390, 844);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("gw" + grid.code());
        browser.get(url("/m"));
        browser.findElement(By.id("go-households")).click();
        wait.until(ExpectedConditions.urlContains("/m/households"));
        assertThat(text("main")).contains("幸福路1号3号楼2单元301", "户主 慕*").doesNotContain("慕容清");
        Browser.screenshot(browser, "registry-phone-households");
        Browser.assertAccessible(browser);
        browser.get(url("/m/households/" + household));
        assertThat(text("main")).contains("慕*", "户主", "低保");
        Browser.screenshot(browser, "registry-phone-household");
        Browser.assertAccessible(browser);
    }

    private long person(String name, String id, String phone, Set<PersonTag> tags) {
        Point p = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
        long address = registry.registerAddress(
                new RegisterAddress("幸福路", "1号", "3号楼", "2单元", "301", p.getX(), p.getY()), RegistryStorageTests.ADMIN);
        return registry.registerPerson(
                new RegisterPerson(name, id, null, null, phone, "东营区幸福路1号", Residence.REGISTERED, address, tags),
                RegistryStorageTests.ADMIN);
    }

    private void signIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private long logRows(long person) {
        return jdbc.sql("SELECT count(*) FROM registry_access_log WHERE person_id = :p")
                .param("p", person)
                .query(Long.class)
                .single();
    }
}
