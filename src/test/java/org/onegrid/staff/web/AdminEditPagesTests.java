package org.onegrid.staff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.staff.AuditEntry;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.CreateUser;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.UserView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an administrator adds and changes from the admin pages: catalog categories and items, users' accounts. */
@IntegrationTest
class AdminEditPagesTests {

    static final String PASSWORD = "Welcome2026x";

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditLog audit;

    // the catalog

    @Test
    void anAdministratorAddsACategoryThenAnItemInItFromThePages() {
        String category = "T" + suffix().toUpperCase();
        AdminSession admin = AdminSession.signIn(port, "admin");
        assertThat(admin.get("/admin/catalog").body()).contains("form-category", "new-item");

        HttpResponse<String> badCategory = admin.post("/admin/catalog/categories", Map.of("code", "x", "name", " "));
        assertThat(badCategory.statusCode()).isEqualTo(422);
        assertThat(badCategory.body()).contains("field-error", "编码须为 2–32 位大写字母");

        HttpResponse<String> created =
                admin.post("/admin/catalog/categories", Map.of("code", category.toLowerCase(), "name", "试点事项"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.uri().getQuery()).isEqualTo("category=" + category);
        assertThat(created.body()).contains("id=\"category-created\"", "试点事项");
        assertThat(catalog.category(category)).isPresent();

        String taken = admin.post("/admin/catalog/categories", Map.of("code", category, "name", "重复"))
                .body();
        assertThat(taken).contains("大类编码 " + category + " 已存在");

        String form = admin.get("/admin/catalog/items/new?category=" + category).body();
        assertThat(form).contains("id=\"form-item\"", "name=\"code\"").doesNotContain("name=\"version\"");
        List<Map.Entry<String, String>> item = AdminPagesTests.formOf(form);
        assertThat(item).contains(Map.entry("categoryCode", category));

        // blank limits and a bad code: each refused beside its field, nothing created
        set(item, "code", "?");
        set(item, "name", "共享单车乱停放");
        HttpResponse<String> refused = admin.post("/admin/catalog/items", item);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("请填写小时数").contains("value=\"共享单车乱停放\"");

        set(item, "acceptHours", "2");
        set(item, "handleHours", "24");
        set(item, "verifyHours", "8");
        set(item, "departmentCodes", "chengguan, nosuchdept");
        HttpResponse<String> unknownDept = admin.post("/admin/catalog/items", item);
        assertThat(unknownDept.statusCode()).isEqualTo(422);
        assertThat(unknownDept.body()).contains("编码须为", "部门 nosuchdept 不存在");
        assertThat(catalog.items(category, true)).isEmpty();

        String code = category + "01";
        set(item, "code", code.toLowerCase());
        set(item, "departmentCodes", "chengguan");
        set(item, "keywords", "单车, 乱停");
        HttpResponse<String> saved = admin.post("/admin/catalog/items", item);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.uri().getPath()).isEqualTo("/admin/catalog/items/" + code);
        assertThat(saved.body()).contains("id=\"created\"", "name=\"version\" value=\"1\"");
        CatalogItemView made = catalog.item(code).orElseThrow();
        assertThat(made.active()).isTrue();
        assertThat(made.version()).isEqualTo(1);
        assertThat(made.handle().minutes()).isEqualTo(24 * 60);
        assertThat(made.departmentCodes()).containsExactly("chengguan");
        assertThat(made.keywords()).containsExactly("单车", "乱停");

        HttpResponse<String> again = admin.post("/admin/catalog/items", item);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("事项编码 " + code + " 已存在");

        // withdrawn from reports and offered again from the list
        admin.get("/admin/catalog?category=" + category);
        admin.post("/admin/catalog/items/" + code + "/active", Map.of("active", "false"));
        assertThat(catalog.item(code).orElseThrow().active()).isFalse();
        admin.post("/admin/catalog/items/" + code + "/active", Map.of("active", "true"));
        assertThat(catalog.item(code).orElseThrow().active()).isTrue();
    }

    @Test
    void onlyAdministratorsAddToTheCatalog() {
        AdminSession leader = AdminSession.signIn(port, "leader");
        leader.get("/map");
        assertThat(leader.get("/admin/catalog/items/new").statusCode()).isEqualTo(403);
        assertThat(leader.post("/admin/catalog/categories", Map.of("code", "ZZLEADER", "name", "越权"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(catalog.category("ZZLEADER")).isEmpty();
    }

    // users

    @Test
    void anAdministratorChangesAUsersNameOrganisationAndRolesAndItIsAudited() {
        UserView user = newUser("370523101.centre", Role.GRID_WORKER);
        AdminSession admin = AdminSession.signIn(port, "admin");
        assertThat(admin.get("/admin/users?text=" + user.username()).body())
                .contains("href=\"/admin/users/" + user.id() + "\"");

        String page = admin.get("/admin/users/" + user.id()).body();
        List<Map.Entry<String, String>> form = fields(page, "form-user-edit");
        assertThat(form)
                .contains(Map.entry("orgCode", "370523101.centre"), Map.entry("roles", "GRID_WORKER"))
                .contains(Map.entry("version", "1"));
        set(form, "displayName", "李改名");
        set(form, "orgCode", "370523102.centre");
        form.removeIf(e -> e.getKey().equals("roles"));
        form.add(Map.entry("roles", "CENTRE_DISPATCHER"));
        form.add(Map.entry("roles", "MEDIATOR"));
        HttpResponse<String> saved = admin.post("/admin/users/" + user.id(), form);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"saved\"");

        UserView after = staff.find(user.id()).orElseThrow();
        assertThat(after.displayName()).isEqualTo("李改名");
        assertThat(after.orgName()).isEqualTo("稻庄镇综治中心");
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.CENTRE_DISPATCHER, Role.MEDIATOR);
        assertThat(after.version()).isEqualTo(2);
        assertThat(audit.latest("admin", 20))
                .filteredOn(e -> e.event().equals(AuditLog.USER_UPDATED))
                .extracting(AuditEntry::detail)
                .anyMatch(d -> d.startsWith(user.username() + ": ") && d.contains("370523102.centre"));
    }

    @Test
    void aUserFormReadBeforeAnotherAdministratorsChangeIsRefusedWithWhatTheyChanged() {
        UserView user = newUser("370523101.centre", Role.GRID_WORKER);
        AdminSession first = AdminSession.signIn(port, "admin");
        String page = first.get("/admin/users/" + user.id()).body();

        // another administrator adds a role and disables the account meanwhile
        AdminSession second = AdminSession.signIn(port, "admin");
        List<Map.Entry<String, String>> theirs =
                fields(second.get("/admin/users/" + user.id()).body(), "form-user-edit");
        theirs.add(Map.entry("roles", "MEDIATOR"));
        assertThat(second.post("/admin/users/" + user.id(), theirs).statusCode())
                .isEqualTo(200);
        assertThat(second.post("/admin/users/" + user.id() + "/enabled", Map.of("enabled", "false", "version", "2"))
                        .statusCode())
                .isEqualTo(200);
        UserView between = staff.find(user.id()).orElseThrow();
        assertThat(between.version()).isEqualTo(3);

        List<Map.Entry<String, String>> mine = fields(page, "form-user-edit");
        set(mine, "displayName", "我的改动");
        HttpResponse<String> conflict = first.post("/admin/users/" + user.id(), mine);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body())
                .contains("id=\"stale\"", "data-field=\"roles\"", "data-field=\"enabled\"", "调解员", "启用 → 停用")
                .doesNotContain("data-field=\"displayName\"")
                .contains("value=\"我的改动\""); // what was typed stays, to be saved again on purpose
        assertThat(staff.find(user.id()).orElseThrow()).isEqualTo(between);

        // saving again from the refreshed form is deliberate, and goes through
        List<Map.Entry<String, String>> again = fields(conflict.body(), "form-user-edit");
        assertThat(again).contains(Map.entry("version", "3"));
        assertThat(first.post("/admin/users/" + user.id(), again).statusCode()).isEqualTo(200);
        assertThat(staff.find(user.id()).orElseThrow().displayName()).isEqualTo("我的改动");

        // a stale enable button is refused too
        HttpResponse<String> staleToggle =
                first.post("/admin/users/" + user.id() + "/enabled", Map.of("enabled", "true", "version", "2"));
        assertThat(staleToggle.statusCode()).isEqualTo(409);
        assertThat(staff.find(user.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void aRejectedUserEditShowsEachMessageBesideItsFieldAndChangesNothing() {
        UserView user = newUser("370523101.centre", Role.GRID_WORKER);
        AdminSession admin = AdminSession.signIn(port, "admin");
        List<Map.Entry<String, String>> form =
                fields(admin.get("/admin/users/" + user.id()).body(), "form-user-edit");
        set(form, "displayName", " ");
        form.removeIf(e -> e.getKey().equals("roles"));
        HttpResponse<String> refused = admin.post("/admin/users/" + user.id(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error");

        set(form, "displayName", "有名字");
        form.add(Map.entry("roles", "GRID_WORKER"));
        set(form, "orgCode", "nowhere.centre");
        assertThat(admin.post("/admin/users/" + user.id(), form).body()).contains("组织 nowhere.centre 不存在");
        assertThat(staff.find(user.id()).orElseThrow()).isEqualTo(user);
    }

    @Test
    void aDisabledAccountIsSignedOutAtOnceAndCannotSignInUntilEnabledAgain() {
        UserView user = newUser("370523101.centre", Role.CENTRE_DISPATCHER);
        AdminSession them = AdminSession.signIn(port, user.username(), PASSWORD);
        assertThat(them.get("/workbench").uri().getPath()).isEqualTo("/workbench");
        String token = token(user.username(), PASSWORD);

        AdminSession admin = AdminSession.signIn(port, "admin");
        String page = admin.get("/admin/users/" + user.id()).body();
        assertThat(page).contains("id=\"form-enabled\"", "停用账号");
        HttpResponse<String> disabled = admin.post(
                "/admin/users/" + user.id() + "/enabled",
                Map.of("enabled", "false", "version", AdminSession.hidden(page, "version")));
        assertThat(disabled.body()).contains("id=\"toggled\"", "启用账号");
        assertThat(staff.find(user.id()).orElseThrow().enabled()).isFalse();

        assertThat(them.get("/workbench").uri().getPath()).isEqualTo("/login");
        assertThat(status("/api/v1/me", token)).isEqualTo(401);
        HttpResponse<String> refused = loginAttempt(user.username(), PASSWORD);
        assertThat(refused.uri().getQuery()).isEqualTo("disabled");
        assertThat(audit.latest("admin", 20))
                .anyMatch(e -> e.event().equals(AuditLog.USER_DISABLED)
                        && user.username().equals(e.detail()));

        String again = admin.get("/admin/users/" + user.id()).body();
        admin.post(
                "/admin/users/" + user.id() + "/enabled",
                Map.of("enabled", "true", "version", AdminSession.hidden(again, "version")));
        AdminSession.signIn(port, user.username(), PASSWORD);
    }

    @Test
    void aNewPasswordSignsTheUserOutAndLetsThemInWithItOnly() {
        UserView user = newUser("370523101.centre", Role.CENTRE_DISPATCHER);
        AdminSession them = AdminSession.signIn(port, user.username(), PASSWORD);
        String token = token(user.username(), PASSWORD);

        AdminSession admin = AdminSession.signIn(port, "admin");
        admin.get("/admin/users/" + user.id());
        HttpResponse<String> weak = admin.post("/admin/users/" + user.id() + "/password", Map.of("password", "short"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("field-error", "至少10位").doesNotContain("value=\"short\"");
        assertThat(them.get("/workbench").uri().getPath()).isEqualTo("/workbench");

        HttpResponse<String> set =
                admin.post("/admin/users/" + user.id() + "/password", Map.of("password", "NewStart2026b"));
        assertThat(set.body()).contains("id=\"password-set\"");
        assertThat(them.get("/workbench").uri().getPath()).isEqualTo("/login");
        assertThat(status("/api/v1/me", token)).isEqualTo(401);
        assertThat(loginAttempt(user.username(), PASSWORD).uri().getPath()).isEqualTo("/login");
        AdminSession.signIn(port, user.username(), "NewStart2026b");
        assertThat(audit.latest("admin", 20))
                .anyMatch(e -> e.event().equals(AuditLog.PASSWORD_RESET)
                        && user.username().equals(e.detail()))
                .noneMatch(e -> e.detail() != null && e.detail().contains("NewStart2026b"));
    }

    @Test
    void anAdministratorCannotDisableThemselvesOrGiveUpTheirOwnAdministratorRole() {
        UserView me = staff.findByUsername("admin").orElseThrow();
        AdminSession admin = AdminSession.signIn(port, "admin");
        String page = admin.get("/admin/users/" + me.id()).body();
        assertThat(page).containsPattern("<button[^>]*disabled[^>]*>停用账号");

        HttpResponse<String> disable = admin.post(
                "/admin/users/" + me.id() + "/enabled",
                Map.of("enabled", "false", "version", AdminSession.hidden(page, "version")));
        assertThat(disable.statusCode()).isEqualTo(422);
        assertThat(disable.body()).contains("不能停用自己的账号");

        List<Map.Entry<String, String>> form = fields(page, "form-user-edit");
        form.removeIf(e -> e.getKey().equals("roles"));
        form.add(Map.entry("roles", "LEADER"));
        HttpResponse<String> demote = admin.post("/admin/users/" + me.id(), form);
        assertThat(demote.statusCode()).isEqualTo(422);
        assertThat(demote.body()).contains("不能取消自己的管理员角色");
        assertThat(staff.find(me.id()).orElseThrow().roles()).contains(Role.ADMIN);
        assertThat(staff.find(me.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aCountyAdministratorManagesOnlyTheUsersAndOrganisationsOfTheirCounty() {
        UserView countyAdmin = newUser("370523.centre", Role.ADMIN);
        UserView inCounty = newUser("370523101.centre", Role.GRID_WORKER);
        UserView cityLeader = staff.findByUsername("leader").orElseThrow();
        AdminSession county = AdminSession.signIn(port, countyAdmin.username(), PASSWORD);

        assertThat(county.get("/admin/users/" + cityLeader.id()).statusCode()).isEqualTo(404);
        assertThat(county.post("/admin/users/" + cityLeader.id() + "/password", Map.of("password", "Takeover2026x"))
                        .statusCode())
                .isEqualTo(404);

        List<Map.Entry<String, String>> form =
                fields(county.get("/admin/users/" + inCounty.id()).body(), "form-user-edit");
        set(form, "orgCode", "3705.centre");
        HttpResponse<String> outside = county.post("/admin/users/" + inCounty.id(), form);
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("不在您的管辖范围内");
        assertThat(staff.find(inCounty.id()).orElseThrow()).isEqualTo(inCounty);
        AdminSession.signIn(port, "leader");
    }

    @Test
    void onlyAdministratorsReachAUsersPage() {
        UserView user = newUser("370523101.centre", Role.GRID_WORKER);
        AdminSession dispatcher = AdminSession.signIn(port, "city.dispatcher");
        dispatcher.get("/workbench");
        assertThat(dispatcher.get("/admin/users/" + user.id()).statusCode()).isEqualTo(403);
        assertThat(dispatcher
                        .post("/admin/users/" + user.id() + "/enabled", Map.of("enabled", "false", "version", "1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.find(user.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void theUserApiEditsDisablesAndResetsWithTheSameChecks() {
        UserView user = newUser("370523101.centre", Role.GRID_WORKER);
        String admin = token("admin", "Demo@2026");
        long org = organisations.findByCode("370523102.centre").orElseThrow().id();

        HttpResponse<String> stale = api(
                "PUT",
                "/api/v1/users/" + user.id(),
                admin,
                "{\"version\":7,\"displayName\":\"接口改名\",\"orgId\":" + org + ",\"roles\":[\"MEDIATOR\"]}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"currentVersion\":1", "\"current\":");
        HttpResponse<String> noRoles = api(
                "PUT",
                "/api/v1/users/" + user.id(),
                admin,
                "{\"version\":1,\"displayName\":\"接口改名\",\"orgId\":" + org + ",\"roles\":[]}");
        assertThat(noRoles.statusCode()).isEqualTo(400);
        assertThat(noRoles.body()).contains("\"field\":\"roles\"");
        HttpResponse<String> saved = api(
                "PUT",
                "/api/v1/users/" + user.id(),
                admin,
                "{\"version\":1,\"displayName\":\"接口改名\",\"orgId\":" + org + ",\"roles\":[\"MEDIATOR\"]}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"version\":2", "接口改名");

        assertThat(api("POST", "/api/v1/users/" + user.id() + "/disable", admin, "{}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api("POST", "/api/v1/users/" + user.id() + "/disable", admin, "{\"version\":2}")
                        .body())
                .contains("\"enabled\":false");
        assertThat(api("POST", "/api/v1/users/" + user.id() + "/password", admin, "{\"password\":\"abc\"}")
                        .body())
                .contains("\"field\":\"password\"");
        assertThat(api("POST", "/api/v1/users/" + user.id() + "/password", admin, "{\"password\":\"Another2026z\"}")
                        .statusCode())
                .isEqualTo(204);

        String dispatcher = token("city.dispatcher", "Demo@2026");
        assertThat(api("POST", "/api/v1/users/" + user.id() + "/enable", dispatcher, "{\"version\":3}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.find(user.id()).orElseThrow().enabled()).isFalse();
    }

    private HttpResponse<String> api(String method, String path, String token, String json) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    private String token(String username, String password) {
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }

    private int status(String path, String token) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token))
                .statusCode();
    }

    /** A sign-in through the login form, successful or not: where the browser ends up. */
    private HttpResponse<String> loginAttempt(String username, String password) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .build();
        String base = "http://localhost:" + port;
        String login = send(client, java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")))
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1);
        return send(
                client,
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest.Builder request) {
        return send(java.net.http.HttpClient.newHttpClient(), request);
    }

    private static HttpResponse<String> send(
            java.net.http.HttpClient client, java.net.http.HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UserView newUser(String orgCode, Role role) {
        StaffPrincipal admin = staff.principal(
                        staff.findByUsername("admin").orElseThrow().id())
                .orElseThrow();
        return staff.create(
                new CreateUser(
                        "u" + suffix(),
                        "测试用户",
                        PASSWORD,
                        organisations.findByCode(orgCode).orElseThrow().id(),
                        Set.of(role),
                        null),
                admin);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A form's inputs as the page fills them: text and hidden inputs, ticked boxes. */
    static List<Map.Entry<String, String>> fields(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("form " + id).isNotNegative();
        String form = page.substring(start, page.indexOf("</form>", start));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher input = Pattern.compile("<input ([^>]*)>").matcher(form);
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            if (name == null || (attrs.contains("type=\"checkbox\"") && !attrs.contains("checked"))) {
                continue;
            }
            String value = attr(attrs, "value");
            fields.add(Map.entry(name, value == null ? "" : unescape(value)));
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static void set(List<Map.Entry<String, String>> form, String name, String value) {
        form.removeIf(e -> e.getKey().equals(name));
        form.add(Map.entry(name, value));
    }
}
