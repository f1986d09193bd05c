package org.onegrid.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.integration.Client;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.registry.PersonView;
import org.onegrid.registry.Registry;
import org.onegrid.registry.demo.SyntheticRegistry;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bulk import on the embedded PostgreSQL with the demo city: all or nothing, the per-row report, scope. */
@IntegrationTest
class RegistryImportTests {

    static final StaffPrincipal ADMIN =
            new StaffPrincipal(9101, "import-admin", "管理员", 1, "市综治中心", OrgKind.CENTRE, "", "", Set.of(Role.ADMIN));
    static final String ADDRESS_HEADER = "地址编码,道路/小区,门牌号,楼栋,单元,户室,经度,纬度,村（社区）代码,建筑名称,建筑层数,建筑用途";
    static final String HOUSEHOLD_HEADER = "户号,与户主关系,姓名,公民身份号码,出生日期,性别,联系电话,人口类型,人员标签,地址编码,户籍地址";
    static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    @Autowired
    RegistryImporter importer;

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    String prefix;
    GridView grid;
    Point inside;

    @BeforeEach
    void aGridAndFreshCodes() {
        prefix = "T" + System.nanoTime() % 1_000_000_000L;
        grid = grids.all().get(7);
        inside = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
    }

    @Test
    void goodFilesImportAddressesHouseholdsAndOrganisationsInFull() {
        String a = prefix + "-1";
        String b = prefix + "-2";
        ImportReport addresses = importCsv(
                ImportKind.ADDRESSES,
                ADDRESS_HEADER,
                row(
                        a,
                        "幸福路" + prefix,
                        "1号",
                        "1号楼",
                        "1单元",
                        "101",
                        lng(),
                        lat(),
                        grid.villageCode(),
                        "幸福路1号楼",
                        "6",
                        "住宅"),
                row(b, "幸福路" + prefix, "1号", "1号楼", "1单元", "102", lng(), lat(), "", "", "", ""));
        assertThat(addresses.errors()).isEmpty();
        assertThat(addresses.written()).containsEntry("地址", 2).containsEntry("建筑", 1);

        String head = id(true);
        String wife = id(false);
        String child = id(false);
        String alone = id(true);
        ImportReport households = importCsv(
                ImportKind.HOUSEHOLDS,
                HOUSEHOLD_HEADER,
                row(prefix + "H1", "户主", "张明", head, "", "男", "13805461234", "户籍", "", a, ""),
                row(prefix + "H2", "户主", "李大爷", alone, "", "", "", "户籍", "独居老人、低保", b, ""),
                row(prefix + "H1", "配偶", "王芳", wife, "", "", "", "流动", "", a, "山东省东营市广饶县"),
                row(prefix + "H1", "子女", "张小", child.toLowerCase(), "", "", "", "户籍", "", a, ""));
        assertThat(households.errors()).isEmpty();
        assertThat(households.imported()).isTrue();
        assertThat(households.written()).containsEntry("户", 2).containsEntry("人员", 4);

        PersonView found = registry.findByIdNumber(head, ADMIN).orElseThrow();
        assertThat(found.maskedName()).isEqualTo("张*");
        assertThat(found.gridCode()).isEqualTo(grid.code());
        assertThat(registry.household(found.householdId(), ADMIN).orElseThrow().members())
                .hasSize(3);
        assertThat(registry.findByIdNumber(alone, ADMIN).orElseThrow().tags())
                .containsExactlyInAnyOrder(PersonTag.ELDERLY_ALONE, PersonTag.LOW_INCOME);
        assertThat(registry.findByPhone("13805461234", ADMIN))
                .extracting(PersonView::id)
                .contains(found.id());

        String code = SyntheticRegistry.creditCode("91370523" + prefix.substring(prefix.length() - 8) + "1");
        ImportReport organisations = importCsv(
                ImportKind.ORGANISATIONS,
                "统一社会信用代码,名称,组织类型,行业,地址编码,负责人公民身份号码,场所标签",
                row(code, "示例商贸有限公司" + prefix, "企业", "批发和零售业", a, head, "九小场所"));
        assertThat(organisations.errors()).isEmpty();
        assertThat(organisations.written()).containsEntry("组织", 1);
        assertThat(jdbc.sql("SELECT responsible_id FROM registry_organisation WHERE credit_code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(found.id());
    }

    @Test
    void oneWrongCheckDigitImportsNothingAndTheReportNamesRowAndColumn() {
        String a = address();
        String good = id(true);
        String bad = id(false);
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');

        ImportReport report = importCsv(
                ImportKind.HOUSEHOLDS,
                HOUSEHOLD_HEADER,
                row(prefix + "H1", "户主", "张明", good, "", "", "", "户籍", "", a, ""),
                row(prefix + "H1", "配偶", "王芳", bad, "", "", "", "户籍", "", a, ""));

        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).containsExactly(new RowError(3, "公民身份号码", "公民身份号码校验码错误（GB 11643 MOD 11-2）"));
        assertThat(registry.findByIdNumber(good, ADMIN)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM registry_household WHERE number = :n")
                        .param("n", prefix + "H1")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(new String(Templates.report(report), StandardCharsets.UTF_8)).contains("3,公民身份号码,公民身份号码校验码错误");
    }

    @Test
    void aGbkEncodedCsvIsRefusedWithAPreciseMessage() {
        String csv =
                HOUSEHOLD_HEADER + "\r\n" + row(prefix + "H1", "户主", "张明", id(true), "", "", "", "户籍", "", "X", "");
        ImportReport report = importer.importFile(
                ImportKind.HOUSEHOLDS, "gbk.csv", new ByteArrayResource(csv.getBytes(Charset.forName("GBK"))), ADMIN);

        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0).message()).contains("不是 UTF-8 编码", "GBK/GB18030", "CSV UTF-8");
    }

    @Test
    void anXlsxWorkbookImportsLikeCsv() throws IOException {
        String a = address();
        String head = id(false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook wb = new Workbook(bytes, "test", "1.0");
        Worksheet sheet = wb.newWorksheet("户和人员");
        String[] header = HOUSEHOLD_HEADER.split(",");
        String[] values = {prefix + "H1", "户主", "刘芳", head, "", "女", "", "户籍", "残疾人", a, ""};
        for (int i = 0; i < header.length; i++) {
            sheet.value(0, i, header[i]);
            sheet.value(1, i, values[i]);
        }
        sheet.value(1, 4, IdNumbersOf.birth(head));
        sheet.style(1, 4).format("yyyy-mm-dd").set();
        wb.finish();

        ImportReport report = importer.importFile(
                ImportKind.HOUSEHOLDS, "people.xlsx", new ByteArrayResource(bytes.toByteArray()), ADMIN);

        assertThat(report.errors()).isEmpty();
        assertThat(registry.findByIdNumber(head, ADMIN).orElseThrow().tags()).containsExactly(PersonTag.DISABLED);
    }

    @Test
    void duplicatesWithinTheFileAndAgainstTheRegistryAreReported() {
        String a = address();
        String registered = id(true);
        assertThat(importCsv(
                                ImportKind.HOUSEHOLDS,
                                HOUSEHOLD_HEADER,
                                row(prefix + "H1", "户主", "张明", registered, "", "", "", "户籍", "", a, ""))
                        .imported())
                .isTrue();

        String twice = id(false);
        ImportReport report = importCsv(
                ImportKind.HOUSEHOLDS,
                HOUSEHOLD_HEADER,
                row(prefix + "H2", "户主", "张明", registered, "", "", "", "户籍", "", a, ""),
                row(prefix + "H3", "户主", "王芳", twice, "", "", "", "户籍", "", a, ""),
                row(prefix + "H3", "子女", "王芳", twice, "", "", "", "户籍", "", a, ""),
                row(prefix + "H1", "户主", "赵六", id(true), "", "", "", "户籍", "", a, ""));

        assertThat(report.imported()).isFalse();
        assertThat(report.errors())
                .extracting(e -> e.row() + " " + e.column() + " " + e.message())
                .containsExactlyInAnyOrder(
                        "2 公民身份号码 该公民身份号码已在人口库中登记", "4 公民身份号码 公民身份号码与第 3 行重复", "5 户号 户号 " + prefix + "H1 已登记");
    }

    @Test
    void addressesOutsideTheCityOrTheImportersRegionAreErrors() {
        GridView elsewhere = grids.all().stream()
                .filter(g -> !g.villageCode()
                        .substring(0, 9)
                        .equals(grid.villageCode().substring(0, 9)))
                .findFirst()
                .orElseThrow();
        Location town = grids.location(grid.code()).orElseThrow();
        StaffPrincipal townDispatcher = new StaffPrincipal(
                9102,
                "import-town",
                "镇坐席",
                2,
                town.town().name() + "综治中心",
                OrgKind.CENTRE,
                town.town().code(),
                town.town().path(),
                Set.of(Role.CENTRE_DISPATCHER));
        Point there = grids.geometry(elsewhere.code()).orElseThrow().getInteriorPoint();

        ImportReport report = importer.importFile(
                ImportKind.ADDRESSES,
                "a.csv",
                csv(
                        ADDRESS_HEADER,
                        row(prefix + "-1", "幸福路", "1号", "", "", "", lng(), lat(), "", "", "", ""),
                        row(
                                prefix + "-2",
                                "幸福路",
                                "2号",
                                "",
                                "",
                                "",
                                "" + there.getX(),
                                "" + there.getY(),
                                "",
                                "",
                                "",
                                ""),
                        row(prefix + "-3", "幸福路", "3号", "", "", "", "100.5", "30.1", "", "", "", "")),
                townDispatcher);

        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).extracting(RowError::row).containsExactly(3, 4);
        assertThat(report.errors().get(0).message()).contains("不在您的辖区内");
        assertThat(report.errors().get(1).message()).contains("不在本市任何网格内");
    }

    @Test
    void theApiAnswersARefusedFileWithAProblemListingRowsAndColumns() throws Exception {
        String token = new Client(port).token("admin");
        String body = csvText(
                HOUSEHOLD_HEADER,
                row(prefix + "H1", "户主", "张明", "37052319850312001X", "", "", "", "户籍", "", "NONE", ""));
        String boundary = "----onegrid" + prefix;
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nhouseholds\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + body + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/registry/imports"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"row\":2", "\"column\":\"公民身份号码\"", "\"column\":\"地址编码\"", "未导入任何数据");
    }

    @Test
    void thePageOffersTheTemplatesAndTheXlsxTemplateReadsBackWithItsExample() throws Exception {
        Client console = Client.console(port, "admin");
        HttpResponse<String> page = console.get("/registry/import", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("基础信息批量导入", "/registry/import/templates/households.xlsx", "合成数据");

        HttpResponse<byte[]> template = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/registry/imports/templates/households.xlsx"))
                                .header("Authorization", "Bearer " + new Client(port).token("admin"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        try (RowSource rows = RowSource.open(new ByteArrayResource(template.body()))) {
            Header header = Header.of(ImportKind.HOUSEHOLDS, rows.header());
            List<RowError> found = new java.util.ArrayList<>();
            Lines.PersonLine example = Lines.person(header, rows.next(), found);
            assertThat(found).isEmpty();
            assertThat(example.name()).isEqualTo("张明");
        }
    }

    @Test
    void theDemoRegistryFillsEveryVillageOfDawangTownMarkedSynthetic() {
        List<String> villages = jdbc.sql("""
                        SELECT DISTINCT a.village_code FROM registry_household h
                        JOIN registry_address a ON a.id = h.address_id
                        WHERE h.synthetic AND a.town_code = '370523101' ORDER BY 1
                        """).query(String.class).list();
        long townVillages = jdbc.sql("SELECT count(*) FROM region WHERE parent_code = '370523101'")
                .query(Long.class)
                .single();
        assertThat(villages).contains("370523101001").hasSize((int) townVillages);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person WHERE synthetic AND grid_code IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isGreaterThan(2 * villages.size() * 12L);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_organisation WHERE synthetic")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3L * villages.size());
        assertThat(jdbc.sql("SELECT count(*) FROM registry_import WHERE synthetic")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Birth dates of the ID numbers made here. */
    static final class IdNumbersOf {
        static LocalDate birth(String id) {
            return org.onegrid.registry.domain.IdNumbers.birthDate(id);
        }
    }

    private String address() {
        String code = prefix + "-" + SEQUENCE.incrementAndGet();
        ImportReport r = importCsv(
                ImportKind.ADDRESSES,
                ADDRESS_HEADER,
                row(code, "和平路" + prefix, SEQUENCE.get() + "号", "", "", "", lng(), lat(), "", "", "", ""));
        assertThat(r.errors()).isEmpty();
        return code;
    }

    private ImportReport importCsv(ImportKind kind, String header, String... rows) {
        return importer.importFile(kind, kind.slug() + ".csv", csv(header, rows), ADMIN);
    }

    private static ByteArrayResource csv(String header, String... rows) {
        return new ByteArrayResource(csvText(header, rows).getBytes(StandardCharsets.UTF_8));
    }

    private static String csvText(String header, String... rows) {
        return "\uFEFF" + header + "\r\n" + String.join("", rows);
    }

    private static String row(String... cells) {
        return String.join(",", cells) + "\r\n";
    }

    private String lng() {
        return String.valueOf(inside.getX());
    }

    private String lat() {
        return String.valueOf(inside.getY());
    }

    /** A fresh, valid ID number of a Dongying county. */
    private static String id(boolean male) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate born =
                LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        int sequence = (n % 100) * 10
                + (male ? 1 : 0)
                + 2 * ThreadLocalRandom.current().nextInt(5);
        return SyntheticRegistry.idNumber("370523", born, sequence);
    }
}
