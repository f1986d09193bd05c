package org.onegrid.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.staff.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Signing in by form and by token, locking after wrong passwords, signing out, and the audit trail of it all. */
@IntegrationTest
class LoginTests {

    private static final String PASSWORD = "Correct-horse-42";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditLog audit;

    /** A fresh account of this test alone, in the city centre, so no other test's account gets locked. */
    String newAccount() {
        String username = "login.test" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100000;
        long cityCentre = organisations.centreOf("3705").orElseThrow().id();
        accounts.create(username, "测试用户", PASSWORD, cityCentre, Set.of(Role.CENTRE_DISPATCHER), null);
        return username;
    }

    @Test
    void aTokenFromTheTokenEndpointAuthenticatesApiCalls() {
        Http http = new Http(port);
        HttpResponse<String> issued = http.token("dawang.dispatcher", "Demo@2026");
        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(issued);
        assertThat(body.get("token").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(1, ChronoUnit.MINUTES));

        HttpResponse<String> me = http.get("/api/v1/me", body.get("token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode json = Http.json(me);
        assertThat(json.get("username").asString()).isEqualTo("dawang.dispatcher");
        assertThat(json.get("organisation").get("name").asString()).isEqualTo("大王镇综治中心");
        assertThat(json.get("regionCode").asString()).isEqualTo("370523101");
        assertThat(json.get("roles").get(0).get("label").asString()).isEqualTo("综治中心坐席");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        HttpResponse<String> response = new Http(port).token("dawang.dispatcher", "Demo@2025");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).get("detail").asString()).isEqualTo("用户名或密码错误");
    }

    @Test
    void fiveWrongPasswordsFromOneAddressKeepItOutForFifteenMinutesEvenWithTheRightPassword() {
        String username = newAccount();
        Http http = new Http(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(http.token(username, "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> fifth = http.token(username, "wrong-password-5");
        assertThat(fifth.statusCode()).isEqualTo(423);

        HttpResponse<String> sixth = http.token(username, PASSWORD);
        assertThat(sixth.statusCode()).isEqualTo(423);
        JsonNode problem = Http.json(sixth);
        assertThat(problem.get("detail").asString()).isEqualTo("账号已锁定，请15分钟后再试");
        assertThat(Instant.parse(problem.get("lockedUntil").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(1, ChronoUnit.MINUTES));

        assertThat(audit.latest(username, 20))
                .extracting(AuditEntry::event)
                .containsExactly(
                        AuditLog.LOGIN_REFUSED_LOCKED,
                        AuditLog.SOURCE_LOCKED,
                        AuditLog.LOGIN_FAILED,
                        AuditLog.LOGIN_FAILED,
                        AuditLog.LOGIN_FAILED,
                        AuditLog.LOGIN_FAILED,
                        AuditLog.LOGIN_FAILED);
        assertThat(audit.latest(username, 20)).allSatisfy(entry -> {
            assertThat(entry.userId()).isNotNull();
            assertThat(entry.remoteAddr()).isNotBlank();
        });
    }

    @Test
    void wrongPasswordsFromSomeoneElseDoNotLockTheUserOut() {
        String username = newAccount();
        Http attacker = new Http(port).from("203.0.113.7");
        for (int i = 1; i <= 4; i++) {
            assertThat(attacker.token(username, "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(attacker.token(username, "guess-5").statusCode()).isEqualTo(423);
        assertThat(attacker.token(username, PASSWORD).statusCode()).isEqualTo(423);

        HttpResponse<String> owner = new Http(port).from("198.51.100.20").token(username, PASSWORD);

        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(audit.latest(username, 20))
                .filteredOn(entry -> entry.event().equals(AuditLog.SOURCE_LOCKED))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.remoteAddr()).isEqualTo("203.0.113.7");
                    assertThat(entry.detail()).contains("203.0.113.7").contains("other addresses still may");
                });
    }

    @Test
    void onlyManyWrongPasswordsFromManyAddressesLockTheAccountAndTheAdministratorIsTold() {
        String username = newAccount();
        for (int address = 1; address <= 10; address++) {
            Http guesser = new Http(port).from("203.0.113." + (100 + address));
            for (int i = 1; i <= 5; i++) {
                int status =
                        guesser.token(username, "guess-" + address + "-" + i).statusCode();
                assertThat(status).isIn(401, 423);
            }
        }

        HttpResponse<String> owner = new Http(port).from("198.51.100.21").token(username, PASSWORD);

        assertThat(owner.statusCode()).isEqualTo(423);
        assertThat(audit.latest(username, 80))
                .filteredOn(entry -> entry.event().equals(AuditLog.ACCOUNT_LOCKED))
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail())
                        .contains("50 wrong passwords")
                        .contains("locked for everyone")
                        .contains("administrator"));
    }

    @Test
    void theSessionCookieStaysOnThisSiteAndIsSecureBehindHttps() {
        Http proxied = new Http(port, true).overHttps();
        String csrf = proxied.csrf("/login");

        HttpResponse<String> signedIn = proxied.postForm(
                "/login", Map.of("username", "dawang.dispatcher", "password", "Demo@2026", "_csrf", csrf));

        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
        String plain = new Http(port, true)
                .get("/login").headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("JSESSIONID="))
                        .findFirst()
                        .orElse("");
        assertThat(plain).contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aSuccessfulLoginStartsTheCountOfWrongPasswordsAgain() {
        String username = newAccount();
        Http http = new Http(port);
        for (int i = 0; i < 4; i++) {
            http.token(username, "wrong");
        }
        assertThat(http.token(username, PASSWORD).statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(http.token(username, "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(http.token(username, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aLockedAccountCannotSignInByFormEitherAndIsToldSo() {
        String username = newAccount();
        Http browser = new Http(port, true);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = browser.postForm(
                    "/login", Map.of("username", username, "password", "wrong", "_csrf", browser.csrf("/login")));
            assertThat(failed.statusCode()).isEqualTo(302);
        }
        HttpResponse<String> refused = browser.postForm(
                "/login", Map.of("username", username, "password", PASSWORD, "_csrf", browser.csrf("/login")));
        assertThat(Http.location(refused)).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("账号已锁定，请15分钟后再试");
        assertThat(new Http(port).token(username, PASSWORD).statusCode()).isEqualTo(423);
    }

    @Test
    void formLoginLeadsToTheHomePageOfTheUser() {
        Http browser = new Http(port, true);
        HttpResponse<String> login = browser.postForm(
                "/login",
                Map.of("username", "dawang.dispatcher", "password", "Demo@2026", "_csrf", browser.csrf("/login")));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(Http.location(login)).endsWith("/");

        // a dispatcher's home is the workbench; /home still says who they are
        HttpResponse<String> root = browser.get("/");
        assertThat(Http.location(root)).endsWith("/workbench");
        HttpResponse<String> home = browser.get("/home");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("大王镇综治中心", "综治中心坐席", "东营市 / 广饶县 / 大王镇", "/map");
    }

    @Test
    void thePagesOfASignedInUserMayReadTheApiWithTheirSessionButNotPostWithoutCsrf() {
        Http browser = new Http(port, true);
        browser.postForm(
                "/login",
                Map.of("username", "dawang.dispatcher", "password", "Demo@2026", "_csrf", browser.csrf("/login")));
        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me).get("username").asString()).isEqualTo("dawang.dispatcher");

        HttpResponse<String> forged = browser.postJson("/api/v1/auth/logout", null, "");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Http.json(forged).get("detail").asString()).contains("CSRF");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Http browser = new Http(port, true);
        browser.get("/login");
        HttpResponse<String> login =
                browser.postForm("/login", Map.of("username", "dawang.dispatcher", "password", "Demo@2026"));
        assertThat(Http.location(login)).doesNotEndWith("/");
        assertThat(browser.get("/home").statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutRevokesTheTokenAndBothAreAudited() {
        String username = newAccount();
        Http http = new Http(port);
        String token = http.login(username, PASSWORD);
        assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(200);

        assertThat(http.postJson("/api/v1/auth/logout", token, "").statusCode()).isEqualTo(204);

        HttpResponse<String> after = http.get("/api/v1/me", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(audit.latest(username, 5))
                .extracting(AuditEntry::event, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditLog.LOGOUT, "token"),
                        org.assertj.core.groups.Tuple.tuple(AuditLog.LOGIN, "token"));
    }

    @Test
    void formSignOutIsAudited() {
        String username = newAccount();
        Http browser = new Http(port, true);
        browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", browser.csrf("/login")));
        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", browser.csrf("/home")));
        assertThat(Http.location(logout)).endsWith("/login?logout");
        assertThat(audit.latest(username, 5))
                .extracting(AuditEntry::event)
                .containsExactly(AuditLog.LOGOUT, AuditLog.LOGIN);
    }

    @Test
    void anUnknownUserIsAuditedWithoutAUserId() {
        String username = "nobody." + System.nanoTime();
        assertThat(new Http(port).token(username, "whatever-123").statusCode()).isEqualTo(401);
        assertThat(audit.latest(username, 5)).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo(AuditLog.LOGIN_FAILED);
            assertThat(entry.userId()).isNull();
        });
    }
}
