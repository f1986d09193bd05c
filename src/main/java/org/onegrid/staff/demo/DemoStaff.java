package org.onegrid.staff.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.demo.ChineseNames;
import org.onegrid.staff.Employment;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.persistence.OrganisationRows;
import org.onegrid.staff.persistence.OrganisationRows.NewOrganisation;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.NewAssignment;
import org.onegrid.staff.persistence.UserRows.NewUser;
import org.onegrid.staff.security.DataCipher;
import org.onegrid.staff.security.Phones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staffs the demo city once, after its regions ({@code @Order(10)}), grids ({@code @Order(20)}) and centres
 * ({@code @Order(25)}): departments with their county branches, the named demo accounts of every role, a dispatcher
 * for every town and village centre, a handler for every department, and a full-time grid worker for every grid
 * (some grids get a part-time one too); every village's dispatcher is the grid leader 网格长 of its grids.
 *
 * <p>All demo accounts share the password {@value #PASSWORD}, hashed once: BCrypt for each of thousands of accounts
 * would take minutes.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoStaff implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";
    static final String DEMO_CITY = "3705";

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    /** The demo city's counties by the name part of their accounts' usernames. */
    private static final Map<String, String> COUNTY_ACCOUNTS =
            Map.of("370502", "dongying", "370503", "hekou", "370505", "kenli", "370522", "lijin", "370523", "guangrao");

    private final Regions regions;
    private final Organisations organisations;
    private final OrganisationRows orgRows;
    private final UserRows userRows;
    private final DemoGrids grids;
    private final DataCipher cipher;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;

    DemoStaff(
            Regions regions,
            Organisations organisations,
            OrganisationRows orgRows,
            UserRows userRows,
            DemoGrids grids,
            DataCipher cipher,
            PasswordEncoder passwords,
            TransactionTemplate tx) {
        this.regions = regions;
        this.organisations = organisations;
        this.orgRows = orgRows;
        this.userRows = userRows;
        this.grids = grids;
        this.cipher = cipher;
        this.passwords = passwords;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (orgRows.count(OrgKind.DEPARTMENT) > 0) {
            return;
        }
        Optional<RegionView> city = regions.find(DEMO_CITY).or(() -> {
            List<RegionView> cities = regions.byLevel(RegionLevel.CITY);
            return cities.size() == 1 ? Optional.of(cities.get(0)) : Optional.empty();
        });
        if (city.isEmpty()) {
            log.warn("No demo city among the regions: no demo staff seeded");
            return;
        }
        long started = System.nanoTime();
        Roster roster = tx.execute(status -> seed(city.get()));
        log.info(
                "Demo staff for {}: {} departments, {} users, {} grid duties in {} ms",
                city.get().name(),
                roster.departments,
                roster.people.size(),
                roster.duties.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Roster seed(RegionView city) {
        organisations.ensureCentres();
        List<RegionView> counties = regions.children(city.code()).stream()
                .filter(r -> r.level() == RegionLevel.COUNTY)
                .toList();
        List<NewOrganisation> departments = new ArrayList<>();
        for (DemoDepartments.Department d : DemoDepartments.ALL) {
            departments.add(new NewOrganisation(
                    OrgKind.DEPARTMENT,
                    deptCode(city, d),
                    d.cityName(city.name()),
                    city.code(),
                    city.path(),
                    null,
                    d.code()));
        }
        for (RegionView county : counties) {
            for (DemoDepartments.Department d : DemoDepartments.ALL) {
                if (d.county() != null) {
                    departments.add(new NewOrganisation(
                            OrgKind.DEPARTMENT,
                            deptCode(county, d),
                            d.branchName(city.name(), county.name()),
                            county.code(),
                            county.path(),
                            deptCode(city, d),
                            d.code()));
                }
            }
        }
        orgRows.insert(departments);

        Roster roster = new Roster(orgRows.idsByCode(), new ChineseNames(20260101L));
        roster.departments = departments.size();
        named(roster, city, counties);
        for (NewOrganisation department : departments) {
            roster.add(
                    department.deptCode() + "." + department.regionCode(),
                    roster.names.next(),
                    department.code(),
                    Role.DEPARTMENT_HANDLER);
        }
        for (RegionView county : counties) {
            for (RegionView town : regions.children(county.code())) {
                roster.add("td" + town.code(), roster.names.next(), centre(town), Role.CENTRE_DISPATCHER);
                for (RegionView village : regions.children(town.code())) {
                    roster.add("vd" + village.code(), roster.names.next(), centre(village), Role.CENTRE_DISPATCHER);
                }
            }
        }
        gridStaff(roster);
        roster.save(userRows, cipher, passwords.encode(PASSWORD));
        return roster;
    }

    /** The accounts listed in the README. */
    private void named(Roster roster, RegionView city, List<RegionView> counties) {
        roster.add("admin", "系统管理员", centre(city), Role.ADMIN);
        roster.add("leader", roster.names.next(), centre(city), Role.LEADER);
        roster.add("city.dispatcher", roster.names.next(), centre(city), Role.CENTRE_DISPATCHER);
        for (RegionView county : counties) {
            String account = COUNTY_ACCOUNTS.get(county.code());
            if (account != null) {
                roster.add(account + ".dispatcher", roster.names.next(), centre(county), Role.CENTRE_DISPATCHER);
            }
        }
        roster.add("chengguan.handler", roster.names.next(), city.code() + ".chengguan", Role.DEPARTMENT_HANDLER);
        roster.add("huanbao.handler", roster.names.next(), city.code() + ".huanbao", Role.DEPARTMENT_HANDLER);
        if (regions.find("370502").isPresent()) {
            roster.add("dongying.chengguan.handler", roster.names.next(), "370502.chengguan", Role.DEPARTMENT_HANDLER);
        }
        Optional<RegionView> dawang = town("370523", "大王镇");
        dawang.ifPresent(town -> {
            roster.add("dawang.dispatcher", roster.names.next(), centre(town), Role.CENTRE_DISPATCHER);
            roster.add("mediator", roster.names.next(), centre(town), Role.MEDIATOR);
        });
        town("370523", "稻庄镇")
                .ifPresent(town ->
                        roster.add("daozhuang.dispatcher", roster.names.next(), centre(town), Role.CENTRE_DISPATCHER));
        dawang.flatMap(town -> regions.children(town.code()).stream().findFirst())
                .ifPresent(village -> {
                    roster.add("village.dispatcher", roster.names.next(), centre(village), Role.CENTRE_DISPATCHER);
                    roster.add("resident", roster.names.next(), centre(village), Role.RESIDENT);
                    grids.firstIn(village.code()).ifPresent(grid -> {
                        int worker = roster.add("gridworker", roster.names.next(), centre(village), Role.GRID_WORKER);
                        roster.duty(worker, grid, GridDuty.GRID_WORKER, Employment.FULL_TIME);
                    });
                });
    }

    /** One full-time worker per grid, a part-time one for about one grid in ten, the village dispatcher as leader. */
    private void gridStaff(Roster roster) {
        for (DemoGrids.Grid grid : grids.all()) {
            Integer leader = roster.index("vd" + grid.villageCode());
            if (leader == null) {
                continue;
            }
            String village = grid.villageCode() + ".centre";
            int worker = roster.add("gw" + grid.code(), roster.names.next(), village, Role.GRID_WORKER);
            roster.duty(worker, grid.code(), GridDuty.GRID_WORKER, Employment.FULL_TIME);
            if (roster.names.chance(0.1)) {
                int partTime = roster.add("pt" + grid.code(), roster.names.next(), village, Role.GRID_WORKER);
                roster.duty(partTime, grid.code(), GridDuty.GRID_WORKER, Employment.PART_TIME);
            }
            roster.duty(leader, grid.code(), GridDuty.GRID_LEADER, Employment.PART_TIME);
        }
    }

    private Optional<RegionView> town(String countyCode, String name) {
        return regions.children(countyCode).stream()
                .filter(r -> r.name().equals(name))
                .findFirst();
    }

    private static String centre(RegionView region) {
        return region.code() + ".centre";
    }

    private static String deptCode(RegionView region, DemoDepartments.Department d) {
        return region.code() + "." + d.code();
    }

    /** The people to create, in order, and their grid duties. */
    private static final class Roster {

        private record Person(String username, String displayName, String orgCode, Set<Role> roles, String phone) {}

        private record Duty(int person, String grid, GridDuty duty, Employment employment) {}

        final Map<String, Long> orgIds;
        final ChineseNames names;
        final List<Person> people = new ArrayList<>();
        final Map<String, Integer> byUsername = new LinkedHashMap<>();
        final List<Duty> duties = new ArrayList<>();
        int departments;

        Roster(Map<String, Long> orgIds, ChineseNames names) {
            this.orgIds = orgIds;
            this.names = names;
        }

        int add(String username, String displayName, String orgCode, Role role) {
            if (!orgIds.containsKey(orgCode)) {
                throw new IllegalStateException("No organisation " + orgCode + " for demo account " + username);
            }
            people.add(new Person(username, displayName, orgCode, EnumSet.of(role), names.mobile()));
            byUsername.put(username, people.size() - 1);
            return people.size() - 1;
        }

        Integer index(String username) {
            return byUsername.get(username);
        }

        void duty(int person, String grid, GridDuty duty, Employment employment) {
            duties.add(new Duty(person, grid, duty, employment));
        }

        void save(UserRows rows, DataCipher cipher, String passwordHash) {
            List<Long> ids = rows.nextIds(people.size());
            List<NewUser> users = new ArrayList<>(people.size());
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                users.add(new NewUser(
                        ids.get(i),
                        p.username(),
                        p.displayName(),
                        orgIds.get(p.orgCode()),
                        passwordHash,
                        cipher.encrypt(p.phone(), Phones.CONTEXT),
                        p.roles()));
            }
            rows.insert(users);
            rows.assign(duties.stream()
                    .map(d -> new NewAssignment(ids.get(d.person()), d.grid(), d.duty(), d.employment()))
                    .toList());
        }
    }
}
