package org.onegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.onegrid.IntegrationTest;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.registry.domain.LifeEventKind;
import org.onegrid.registry.domain.Member;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonStatus;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Residence;
import org.onegrid.registry.domain.Sex;
import org.onegrid.registry.domain.Violation;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

/** The registry on the embedded PostgreSQL with the demo city's grids: storage, look-ups, masking, scope, history. */
@IntegrationTest
class RegistryStorageTests {

    static final StaffPrincipal ADMIN =
            new StaffPrincipal(9001, "registry-admin", "管理员", 1, "市综治中心", OrgKind.CENTRE, "", "", Set.of(Role.ADMIN));

    @Autowired
    Registry registry;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    GridView gridA;
    GridView gridB;
    StaffPrincipal workerOfA;
    StaffPrincipal workerOfB;

    @BeforeEach
    void twoGridsAndTheirWorkers() {
        List<GridView> all = grids.all();
        gridA = all.get(0);
        gridB = all.stream()
                .filter(g -> !g.villageCode().equals(gridA.villageCode()))
                .findFirst()
                .orElseThrow();
        workerOfA = worker(9002, gridA);
        workerOfB = worker(9003, gridB);
    }

    @Test
    void personalDataIsCiphertextInTheTable() {
        String id = idNumber(true);
        long person = registry.registerPerson(person("张三丰", id, "13812345678", gridA), ADMIN);

        Map<String, Object> row = jdbc.sql(
                        "SELECT name_sealed, id_number_sealed, phone_sealed, address_sealed, id_number_index FROM registry_person WHERE id = :id")
                .param("id", person)
                .query()
                .singleRow();
        for (String column : List.of("name_sealed", "id_number_sealed", "phone_sealed", "address_sealed")) {
            byte[] sealed = (byte[]) row.get(column);
            assertThat(sealed[0])
                    .as(column + " in the platform's sealed layout")
                    .isEqualTo((byte) 1);
            String asText = new String(sealed, StandardCharsets.ISO_8859_1);
            assertThat(asText).doesNotContain(id).doesNotContain("13812345678");
            assertThat(new String(sealed, StandardCharsets.UTF_8))
                    .doesNotContain("张三丰")
                    .doesNotContain("幸福路");
        }
        assertThat((byte[]) row.get("id_number_index")).hasSize(32);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person WHERE encode(name_sealed, 'escape') LIKE '%张%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPersonIsFoundByIdNumberAndPhoneThroughTheBlindIndexAndShownMasked() {
        String id = idNumber(false);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long person = registry.registerPerson(person("李四", id, phone, gridA), ADMIN);

        PersonView found = registry.findByIdNumber(id.toLowerCase(), ADMIN).orElseThrow();
        assertThat(found.id()).isEqualTo(person);
        assertThat(found.maskedName()).isEqualTo("李*");
        assertThat(found.maskedIdNumber()).isEqualTo(id.substring(0, 3) + "*".repeat(11) + id.substring(14));
        assertThat(found.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(found.sex()).isEqualTo(Sex.FEMALE);
        assertThat(found.tags()).containsExactly(PersonTag.ELDERLY_ALONE);

        assertThat(registry.findByPhone("+86 " + phone, ADMIN))
                .extracting(PersonView::id)
                .containsExactly(person);
        assertThat(registry.person(person, workerOfA))
                .hasValueSatisfying(v -> assertThat(v.maskedName()).isEqualTo("李*"));
        assertThat(registry.findByIdNumber(idNumber(true), ADMIN)).isEmpty();
    }

    @Test
    void readingAPersonUnmaskedTakesAPurposeAndWritesTheAccessLog() {
        String id = idNumber(true);
        long person = registry.registerPerson(person("王五", id, "13712345678", gridA), ADMIN);

        assertThatThrownBy(() -> registry.unmasked(person, " ", workerOfA)).isInstanceOf(RegistryRefused.class);
        StaffPrincipal handler = new StaffPrincipal(
                9004, "handler", "处置人员", 2, "住建局", OrgKind.DEPARTMENT, "", "", Set.of(Role.DEPARTMENT_HANDLER));
        assertThatThrownBy(() -> registry.unmasked(person, "核实身份", handler)).isInstanceOf(ErrorResponseException.class);
        assertThat(accessRows(person)).isZero();

        UnmaskedPersonView seen =
                registry.unmasked(person, "入户走访核实身份", workerOfA).orElseThrow();
        assertThat(seen.name()).isEqualTo("王五");
        assertThat(seen.idNumber()).isEqualTo(id);
        assertThat(seen.phone()).isEqualTo("13712345678");

        Map<String, Object> log = jdbc.sql(
                        "SELECT user_id, username, fields, purpose, at FROM registry_access_log WHERE person_id = :id")
                .param("id", person)
                .query()
                .singleRow();
        assertThat(log).containsEntry("user_id", 9002L).containsEntry("username", "worker-9002");
        assertThat(log).containsEntry("fields", "name,idNumber,phone,address").containsEntry("purpose", "入户走访核实身份");
        assertThat(log.get("at")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE event = 'PERSON_VIEWED' AND detail = :detail")
                        .param("detail", "registry_person " + person)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(registry.accessLog(ADMIN, 50))
                .anySatisfy(e -> assertThat(e.personId()).isEqualTo(person));
    }

    @Test
    void aGridWorkerCannotReadAnotherGridsPersonWhichIsAnsweredAsNotExisting() {
        String id = idNumber(true);
        long person = registry.registerPerson(person("赵六", id, "13612345678", gridA), ADMIN);

        assertThat(registry.person(person, workerOfB)).isEmpty();
        assertThat(registry.person(person + 1_000_000, workerOfB)).isEmpty();
        assertThat(registry.findByIdNumber(id, workerOfB)).isEmpty();
        assertThat(registry.findByPhone("13612345678", workerOfB)).isEmpty();
        assertThat(registry.unmasked(person, "核实", workerOfB)).isEmpty();
        assertThat(registry.history(person, workerOfB)).isEmpty();
        assertThat(accessRows(person)).isZero();
        assertThat(registry.person(person, workerOfA)).isPresent();
    }

    @Test
    void lifeEventsAreKeptInHistoryAndNothingIsDeleted() {
        long head = registry.registerPerson(person("孙七", idNumber(true), null, gridA), ADMIN);
        long child = registry.registerPerson(person("孙小七", idNumber(false), null, gridA), ADMIN);
        long address = registry.person(head, ADMIN).orElseThrow().addressId();
        long household = registry.registerHousehold(
                new RegisterHousehold(
                        address, List.of(new Member(head, Relation.HEAD), new Member(child, Relation.CHILD))),
                workerOfA);

        assertThatThrownBy(() -> registry.recordLifeEvent(
                        new RecordLifeEvent(
                                head,
                                LifeEventKind.MOVED_OUT,
                                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                                null),
                        workerOfA))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("household.head-leaves"));

        registry.recordLifeEvent(
                new RecordLifeEvent(
                        child, LifeEventKind.MOVED_OUT, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "外出务工"),
                workerOfA);
        registry.recordLifeEvent(
                new RecordLifeEvent(
                        child, LifeEventKind.MOVED_IN, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "返乡"),
                workerOfA);
        registry.recordLifeEvent(
                new RecordLifeEvent(
                        child, LifeEventKind.DIED, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), null),
                workerOfA);

        assertThat(registry.history(child, workerOfA))
                .extracting(LifeEventView::kind)
                .containsExactly(
                        LifeEventKind.HOUSEHOLD_CHANGED,
                        LifeEventKind.MOVED_OUT,
                        LifeEventKind.MOVED_IN,
                        LifeEventKind.DIED);
        assertThat(registry.householdHistory(household, workerOfA))
                .extracting(LifeEventView::personId)
                .contains(head, child);
        PersonView dead = registry.person(child, workerOfA).orElseThrow();
        assertThat(dead.status()).isEqualTo(PersonStatus.DECEASED);
        assertThat(registry.household(household, workerOfA).orElseThrow().members())
                .extracting(HouseholdView.MemberView::personId)
                .containsExactly(head);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person WHERE id = :id")
                        .param("id", child)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> registry.recordLifeEvent(
                        new RecordLifeEvent(
                                child,
                                LifeEventKind.CANCELLED,
                                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                                null),
                        workerOfA))
                .isInstanceOf(RegistryRefused.class);
    }

    @Test
    void aPersonInOneHouseholdCannotJoinAnother() {
        long a = registry.registerPerson(person("周八", idNumber(true), null, gridA), ADMIN);
        long b = registry.registerPerson(person("吴九", idNumber(true), null, gridA), ADMIN);
        long address = registry.person(a, ADMIN).orElseThrow().addressId();
        registry.registerHousehold(new RegisterHousehold(address, List.of(new Member(a, Relation.HEAD))), ADMIN);

        assertThatThrownBy(() -> registry.registerHousehold(
                        new RegisterHousehold(
                                address, List.of(new Member(b, Relation.HEAD), new Member(a, Relation.SPOUSE))),
                        ADMIN))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field, Violation::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                        "members[1].personId", "member.other-household")));
        assertThat(registry.person(b, ADMIN).orElseThrow().householdId()).isNull();
    }

    @Test
    void aNewHeadIsNamedBeforeTheOldOneLeavesAndEachChangeIsKept() {
        long husband = registry.registerPerson(person("郑一", idNumber(true), null, gridA), ADMIN);
        long wife = registry.registerPerson(person("钱二", idNumber(false), null, gridA), ADMIN);
        long address = registry.person(husband, ADMIN).orElseThrow().addressId();
        long household = registry.registerHousehold(
                new RegisterHousehold(
                        address, List.of(new Member(husband, Relation.HEAD), new Member(wife, Relation.SPOUSE))),
                workerOfA);

        assertThatThrownBy(() -> registry.changeHousehold(
                        new ChangeHousehold(household, 0, List.of(new Member(wife, Relation.SPOUSE))), workerOfA))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("household.no-head"));
        registry.changeHousehold(
                new ChangeHousehold(
                        household, 0, List.of(new Member(wife, Relation.HEAD), new Member(husband, Relation.SPOUSE))),
                workerOfA);
        assertThatThrownBy(() -> registry.changeHousehold(
                        new ChangeHousehold(household, 0, List.of(new Member(wife, Relation.HEAD))), workerOfA))
                .isInstanceOf(ErrorResponseException.class);
        registry.recordLifeEvent(
                new RecordLifeEvent(husband, LifeEventKind.MOVED_OUT, java.time.LocalDate.of(2026, 1, 5), null),
                workerOfA);

        assertThat(registry.household(household, workerOfA).orElseThrow().members())
                .extracting(HouseholdView.MemberView::personId, HouseholdView.MemberView::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(wife, Relation.HEAD));
        assertThat(registry.householdHistory(household, workerOfA))
                .extracting(LifeEventView::personId, LifeEventView::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(husband, "立户，户主"),
                        org.assertj.core.groups.Tuple.tuple(wife, "立户，配偶"),
                        org.assertj.core.groups.Tuple.tuple(husband, "户主 → 配偶"),
                        org.assertj.core.groups.Tuple.tuple(wife, "配偶 → 户主"),
                        org.assertj.core.groups.Tuple.tuple(husband, null));
        assertThat(registry.person(husband, workerOfA).orElseThrow().status()).isEqualTo(PersonStatus.MOVED_OUT);
    }

    @Test
    void anEntryIsRefusedWithEveryViolationAndNothingIsWritten() {
        long before = jdbc.sql("SELECT count(*) FROM registry_person")
                .query(Long.class)
                .single();
        RegisterPerson wrong = new RegisterPerson(
                " ", "370502199001011234", LocalDate.of(1990, 1, 1), Sex.MALE, "12345", null, null, -1, Set.of());
        assertThatThrownBy(() -> registry.registerPerson(wrong, ADMIN))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactlyInAnyOrder(
                                        "person.name",
                                        "id-number.check-digit",
                                        "phone.invalid",
                                        "person.residence",
                                        "address.unknown"));
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anAddressIsPlacedInTheGridItsPointLiesInAndAnOrganisationByItsCreditCode() {
        Point p = grids.geometry(gridB.code()).orElseThrow().getInteriorPoint();
        long address = registry.registerAddress(
                new RegisterAddress("黄河路", "88号", null, null, null, p.getX(), p.getY()), workerOfB);
        assertThat(jdbc.sql("SELECT grid_code, village_code FROM registry_address WHERE id = :id")
                        .param("id", address)
                        .query()
                        .singleRow())
                .containsEntry("grid_code", gridB.code())
                .containsEntry("village_code", gridB.villageCode());
        assertThatThrownBy(() -> registry.registerAddress(
                        new RegisterAddress("黄河路", "88号", null, null, null, p.getX(), p.getY()), workerOfA))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("address.outside-scope"));
        assertThatThrownBy(
                        () -> registry.registerAddress(new RegisterAddress("黄河路", "1号", null, null, null, 0, 0), ADMIN))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("address.outside-grids"));

        String code = "91370502MA3C"
                + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        long organisation = registry.registerOrganisation(
                new RegisterOrganisation(
                        OrganisationKind.ENTERPRISE,
                        "东营某化工有限公司",
                        withCheckCharacter(code),
                        "化工",
                        address,
                        null,
                        Set.of(OrganisationTag.HAZARDOUS_CHEMICALS)),
                workerOfB);
        assertThat(registry.organisation(organisation, workerOfB))
                .hasValueSatisfying(o -> assertThat(o.gridCode()).isEqualTo(gridB.code()));
        assertThat(registry.organisation(organisation, workerOfA)).isEmpty();
        assertThatThrownBy(() -> registry.registerOrganisation(
                        new RegisterOrganisation(
                                OrganisationKind.ENTERPRISE,
                                "另一家",
                                withCheckCharacter(code),
                                null,
                                address,
                                null,
                                Set.of()),
                        workerOfB))
                .isInstanceOfSatisfying(
                        RegistryRefused.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("credit-code.duplicate"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private long accessRows(long person) {
        return jdbc.sql("SELECT count(*) FROM registry_access_log WHERE person_id = :id")
                .param("id", person)
                .query(Long.class)
                .single();
    }

    private RegisterPerson person(String name, String id, String phone, GridView grid) {
        Point p = grids.geometry(grid.code()).orElseThrow().getInteriorPoint();
        long address = registry.registerAddress(
                new RegisterAddress("幸福路", "1号", "3号楼", "2单元", "301", p.getX(), p.getY()), ADMIN);
        return new RegisterPerson(
                name,
                id,
                null,
                null,
                phone,
                "幸福路1号3号楼2单元301",
                Residence.REGISTERED,
                address,
                Set.of(PersonTag.ELDERLY_ALONE));
    }

    private static StaffPrincipal worker(long id, GridView grid) {
        return new StaffPrincipal(
                id,
                "worker-" + id,
                "网格员",
                3,
                "网格",
                OrgKind.CENTRE,
                grid.villageCode(),
                "/",
                Set.of(Role.GRID_WORKER),
                Set.of(grid.code()));
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A valid, random ID number of the demo city (GB 11643, MOD 11-2). */
    static String idNumber(boolean male) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(30_000));
        int sequence = r.nextInt(500) * 2 + (male ? 1 : 0);
        String body = "370502" + born.toString().replace("-", "") + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** The seventeen characters with their GB 32100 check character. */
    static String withCheckCharacter(String seventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARS.indexOf(seventeen.charAt(i)) * CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return seventeen + CODE_CHARS.charAt(check == 31 ? 0 : check);
    }
}
