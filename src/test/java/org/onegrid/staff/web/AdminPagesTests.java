package org.onegrid.staff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.region.Grids;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages over HTTP, as a signed-in administrator's browser gets them, and as anyone else's. */
@IntegrationTest
class AdminPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    Grids grids;

    @Test
    void theOverviewCountsWhatTheCityHolds() {
        AdminSession admin = AdminSession.signIn(port, "admin");
        HttpResponse<String> overview = admin.get("/admin");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body())
                .contains("系统管理", "行政区划", "县区", "乡镇街道", "村社区", "综治中心", "职能部门", "网格员")
                .contains(">" + grids.count() + "<")
                .contains("hx-get=\"/admin/catalog/summary\"");

        int items = catalog.categories(true).stream()
                .mapToInt(c -> c.items().size())
                .sum();
        assertThat(admin.get("/admin/catalog/summary").body()).contains("id=\"count-items\">" + items + "<");
    }

    @Test
    void onlyAdministratorsGetTheAdminPages() {
        List<String> pages = List.of(
                "/admin",
                "/admin/users",
                "/admin/organisations",
                "/admin/catalog",
                "/admin/catalog/summary",
                "/admin/catalog/items/" + anyItem().code(),
                "/admin/regions");
        for (String username : List.of("city.dispatcher", "leader")) {
            AdminSession other = AdminSession.signIn(port, username);
            for (String page : pages) {
                assertThat(other.get(page).statusCode())
                        .as(username + " " + page)
                        .isEqualTo(403);
            }
            HttpResponse<String> post = other.post(
                    "/admin/users",
                    List.of(
                            Map.entry(
                                    "username",
                                    "sneaky" + UUID.randomUUID().toString().substring(0, 6)),
                            Map.entry("displayName", "越权"),
                            Map.entry("password", "Abcdefgh12345"),
                            Map.entry("orgCode", "3705.centre"),
                            Map.entry("roles", "ADMIN")));
            assertThat(post.statusCode()).isEqualTo(403);
        }
        AdminSession admin = AdminSession.signIn(port, "admin");
        for (String page : pages) {
            assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(admin.get("/admin").body()).contains("href=\"/admin\"");
    }

    @Test
    void anAdministratorCreatesAUserWithRoles() {
        String username = "new" + UUID.randomUUID().toString().substring(0, 8);
        AdminSession admin = AdminSession.signIn(port, "admin");
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("form-user", "3705.centre");

        HttpResponse<String> created = admin.post(
                "/admin/users",
                List.of(
                        Map.entry("username", username),
                        Map.entry("displayName", "王新"),
                        Map.entry("password", "Welcome2026x"),
                        Map.entry("orgCode", "370523101.centre"),
                        Map.entry("roles", "CENTRE_DISPATCHER"),
                        Map.entry("roles", "MEDIATOR"),
                        Map.entry("phone", "13900001111"),
                        Map.entry("id", "1")));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.uri().getQuery()).contains("text=" + username);
        assertThat(created.body()).contains("id=\"created\"", username, "139****1111", "综治中心坐席", "调解员");
        assertThat(staff.findByUsername(username).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.CENTRE_DISPATCHER, Role.MEDIATOR);

        // the new account signs in
        AdminSession.signIn(port, username, "Welcome2026x");
    }

    @Test
    void aRejectedUserFormShowsEachMessageBesideItsFieldAndCreatesNothing() {
        String username = "bad" + UUID.randomUUID().toString().substring(0, 8);
        AdminSession admin = AdminSession.signIn(port, "admin");
        admin.get("/admin/users");

        HttpResponse<String> weak = admin.post(
                "/admin/users",
                List.of(
                        Map.entry("username", username),
                        Map.entry("displayName", "弱密码"),
                        Map.entry("password", "short"),
                        Map.entry("orgCode", "370523101.centre"),
                        Map.entry("roles", "GRID_WORKER")));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body())
                .contains("field-error", "至少10位，须同时包含字母和数字")
                .contains("value=\"" + username + "\"") // what was typed stays
                .doesNotContain("value=\"short\""); // but never the password

        HttpResponse<String> noOrg = admin.post(
                "/admin/users",
                List.of(
                        Map.entry("username", username),
                        Map.entry("displayName", "无组织"),
                        Map.entry("password", "Welcome2026x"),
                        Map.entry("orgCode", "nowhere.centre")));
        assertThat(noOrg.statusCode()).isEqualTo(422);
        assertThat(noOrg.body()).contains("组织 nowhere.centre 不存在");

        HttpResponse<String> taken = admin.post(
                "/admin/users",
                List.of(
                        Map.entry("username", "admin"),
                        Map.entry("displayName", "重名"),
                        Map.entry("password", "Welcome2026x"),
                        Map.entry("orgCode", "370523101.centre"),
                        Map.entry("roles", "GRID_WORKER")));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("用户名 admin 已存在");

        assertThat(staff.findByUsername(username)).isEmpty();
    }

    @Test
    void anAdministratorChangesAnItemsHandleLimitAndTheVersionRises() {
        CatalogItemView item = anyItem();
        AdminSession admin = AdminSession.signIn(port, "admin");
        String page = admin.get("/admin/catalog/items/" + item.code()).body();
        assertThat(page).contains("form-item", item.name(), "name=\"handleHours\"");

        List<Map.Entry<String, String>> form = formOf(page);
        set(form, "handleHours", "36");
        set(form, "handleMode", "NATURAL");
        HttpResponse<String> saved = admin.post("/admin/catalog/items/" + item.code(), form);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"saved\"");

        CatalogItemView after = catalog.item(item.code()).orElseThrow();
        assertThat(after.version()).isEqualTo(item.version() + 1);
        assertThat(after.handle().minutes()).isEqualTo(36 * 60);
        assertThat(after.departmentCodes()).isEqualTo(item.departmentCodes());
        assertThat(after.keywords()).isEqualTo(item.keywords());
        assertThat(after.accept()).isEqualTo(item.accept());
        assertThat(after.active()).isEqualTo(item.active());
    }

    @Test
    void aRejectedItemFormChangesNothingAndAStaleOneSaysWhatChanged() {
        CatalogItemView item = anyItem();
        AdminSession admin = AdminSession.signIn(port, "admin");
        String page = admin.get("/admin/catalog/items/" + item.code()).body();

        List<Map.Entry<String, String>> badHours = formOf(page);
        set(badHours, "handleHours", "两天");
        HttpResponse<String> refused = admin.post("/admin/catalog/items/" + item.code(), badHours);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error", "请填写小时数").contains("value=\"两天\"");

        List<Map.Entry<String, String>> badDept = formOf(page);
        set(badDept, "departmentCodes", "chengguan, nosuchdept");
        HttpResponse<String> unknown = admin.post("/admin/catalog/items/" + item.code(), badDept);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("部门 nosuchdept 不存在");

        List<Map.Entry<String, String>> noName = formOf(page);
        set(noName, "name", " ");
        assertThat(admin.post("/admin/catalog/items/" + item.code(), noName).body())
                .contains("名称不能为空");
        assertThat(catalog.item(item.code()).orElseThrow()).isEqualTo(item);

        // another administrator saves first; this page's form is now stale
        List<Map.Entry<String, String>> first = formOf(page);
        set(first, "keywords", String.join(",", item.keywords()) + ",抢先");
        assertThat(AdminSession.signIn(port, "admin")
                        .post("/admin/catalog/items/" + item.code(), first)
                        .statusCode())
                .isIn(200, 403); // the second session posts without having read a page: CSRF may refuse it
        CatalogItemView between = catalog.item(item.code()).orElseThrow();
        if (between.version() == item.version()) {
            AdminSession other = AdminSession.signIn(port, "admin");
            other.get("/admin/catalog/items/" + item.code());
            other.post("/admin/catalog/items/" + item.code(), first);
            between = catalog.item(item.code()).orElseThrow();
        }
        assertThat(between.version()).isEqualTo(item.version() + 1);

        List<Map.Entry<String, String>> stale = formOf(page);
        set(stale, "handleHours", "1");
        HttpResponse<String> conflict = admin.post("/admin/catalog/items/" + item.code(), stale);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"stale\"", "已被他人修改");
        assertThat(catalog.item(item.code()).orElseThrow()).isEqualTo(between);
    }

    @Test
    void theRegionsPageListsCountiesAndOffersTheImports() {
        HttpResponse<String> page = AdminSession.signIn(port, "admin").get("/admin/regions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("东营区", "广饶县", "import-grids", "import-regions", "/api/v1/grids/import", "admin-import.js");
    }

    /** An item no other test of this class changes: one per test by name, so tests stay independent. */
    private CatalogItemView anyItem() {
        String caller = StackWalker.getInstance()
                .walk(s -> s.skip(1).findFirst().orElseThrow().getMethodName());
        List<CatalogItemView> items = catalog.items(null, false);
        return items.get(Math.floorMod(caller.hashCode(), items.size()));
    }

    /** The item form's fields as the page fills them: text inputs, selected options, ticked boxes, the textarea. */
    static List<Map.Entry<String, String>> formOf(String page) {
        String form = page.substring(
                page.indexOf("id=\"form-item\""), page.indexOf("</form>", page.indexOf("id=\"form-item\"")));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        java.util.regex.Matcher input =
                java.util.regex.Pattern.compile("<input ([^>]*)>").matcher(form);
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            if (name == null || name.startsWith("_")) {
                continue;
            }
            if (attrs.contains("type=\"checkbox\"") && !attrs.contains("checked")) {
                continue;
            }
            String value = attr(attrs, "value");
            fields.add(Map.entry(name, value == null ? "" : unescape(value)));
        }
        java.util.regex.Matcher select = java.util.regex.Pattern.compile(
                        "<select ([^>]*)>(.*?)</select>", java.util.regex.Pattern.DOTALL)
                .matcher(form);
        while (select.find()) {
            java.util.regex.Matcher chosen = java.util.regex.Pattern.compile("<option value=\"([^\"]*)\" selected")
                    .matcher(select.group(2));
            if (chosen.find()) {
                fields.add(Map.entry(attr(select.group(1), "name"), chosen.group(1)));
            }
        }
        java.util.regex.Matcher area = java.util.regex.Pattern.compile(
                        "<textarea [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", java.util.regex.Pattern.DOTALL)
                .matcher(form);
        while (area.find()) {
            fields.add(Map.entry(area.group(1), unescape(area.group(2))));
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"")
                .matcher(attrs);
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
