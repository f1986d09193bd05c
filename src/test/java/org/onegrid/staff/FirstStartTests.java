package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A deployment without demo data starts with no account at all; the first visitor creates the administrator on
 * {@code /setup}, which then closes. The database is shared with the other test classes, which may have seeded
 * the demo: administrators present before this class are set aside while it runs and given back afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "onegrid.demo.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTests {

    static final String ADMIN = "first.admin";
    static final String PASSWORD = "Setup2026first";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    List<Long> earlierAdmins;
    boolean hadTopCentre;

    @BeforeAll
    void setAsideEarlierAdministrators() {
        earlierAdmins = jdbc.sql("SELECT user_id FROM staff_user_role WHERE role = 'ADMIN'")
                .query(Long.class)
                .list();
        jdbc.sql("DELETE FROM staff_user_role WHERE role = 'ADMIN'").update();
        hadTopCentre = jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation WHERE region_code = '')")
                .query(Boolean.class)
                .single();
    }

    @AfterAll
    void giveBackEarlierAdministrators() {
        jdbc.sql("DELETE FROM staff_user WHERE username = ?").param(ADMIN).update();
        if (!hadTopCentre) {
            jdbc.sql("DELETE FROM organisation o WHERE region_code = ''"
                            + " AND NOT EXISTS (SELECT 1 FROM staff_user u WHERE u.org_id = o.id)")
                    .update();
        }
        for (Long id : earlierAdmins) {
            jdbc.sql("INSERT INTO staff_user_role (user_id, role) VALUES (?, 'ADMIN') ON CONFLICT DO NOTHING")
                    .param(id)
                    .update();
        }
    }

    long admins() {
        return jdbc.sql("SELECT count(*) FROM staff_user_role WHERE role = 'ADMIN'")
                .query(Long.class)
                .single();
    }

    HttpResponse<String> submit(Http browser, String username, String password, String confirm) {
        return browser.postForm(
                "/setup",
                Map.of(
                        "username", username,
                        "password", password,
                        "confirm", confirm,
                        "_csrf", browser.csrf("/setup")));
    }

    @Test
    @Order(1)
    void everyPageLeadsToSetupWhileThereIsNoAdministrator() {
        Http http = new Http(port);
        for (String page : List.of("/", "/home", "/login", "/map")) {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(Http.location(response)).as(page).endsWith("/setup");
        }
        assertThat(http.get("/css/staff.css").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/setup").body()).contains("首次启动", "name=\"_csrf\"");
    }

    @Test
    @Order(2)
    void setupRefusesAWeakPasswordOrAMistypedOneAndCreatesNothing() {
        Http browser = new Http(port, true);
        HttpResponse<String> weak = submit(browser, ADMIN, "onlyletters", "onlyletters");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("密码至少 10 位");
        HttpResponse<String> mistyped = submit(browser, ADMIN, PASSWORD, PASSWORD + "x");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body()).contains("两次输入的密码不一致");
        HttpResponse<String> badName = submit(browser, "Not A Name", PASSWORD, PASSWORD);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(admins()).isZero();
    }

    @Test
    @Order(3)
    void setupCreatesTheFirstAdministratorWhoCanThenSignIn() {
        Http browser = new Http(port, true);
        HttpResponse<String> created = submit(browser, ADMIN, PASSWORD, PASSWORD);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(Http.location(created)).endsWith("/login?setup");
        assertThat(admins()).isOne();

        Http http = new Http(port);
        String token = http.login(ADMIN, PASSWORD);
        var me = Http.json(http.get("/api/v1/me", token));
        assertThat(me.get("roles").get(0).get("code").asString()).isEqualTo("ADMIN");
        assertThat(me.get("organisation").get("kind").asString()).isEqualTo("CENTRE");
    }

    @Test
    @Order(4)
    void setupIsClosedOnceAnAdministratorExists() {
        Http browser = new Http(port, true);
        HttpResponse<String> page = browser.get("/setup");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(Http.location(page)).endsWith("/login");
        String csrf = browser.csrf("/login");
        HttpResponse<String> again = browser.postForm(
                "/setup", Map.of("username", "second.admin", "password", PASSWORD, "confirm", PASSWORD, "_csrf", csrf));
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(admins()).isOne();
        assertThat(new Http(port).get("/home").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }
}
