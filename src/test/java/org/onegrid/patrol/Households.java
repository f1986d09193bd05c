package org.onegrid.patrol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.locationtech.jts.geom.Point;
import org.onegrid.region.Grids;
import org.onegrid.registry.RegisterAddress;
import org.onegrid.registry.RegisterHousehold;
import org.onegrid.registry.RegisterPerson;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.Member;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.domain.Residence;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;

/** Households registered through the registry's API for the tests, each at an address of its own in a grid. */
final class Households {

    private Households() {}

    static StaffPrincipal principal(Staff staff, String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    /** A household of {@code persons} (the head first) at a new address at the grid's interior point. */
    static long register(
            Registry registry, Grids grids, String grid, int persons, Set<PersonTag> headTags, StaffPrincipal admin) {
        Point p = door(grids, grid);
        String room = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long address = registry.registerAddress(
                new RegisterAddress("走访路", "8号", "1号楼", "1单元", room, p.getX(), p.getY()), admin);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            long person = registry.registerPerson(
                    new RegisterPerson(
                            i == 0 ? "张建国" : "张小" + i,
                            idNumber(i % 2 == 0),
                            null,
                            null,
                            null,
                            null,
                            Residence.REGISTERED,
                            address,
                            i == 0 ? headTags : Set.of()),
                    admin);
            members.add(new Member(person, i == 0 ? Relation.HEAD : Relation.CHILD));
        }
        return registry.registerHousehold(new RegisterHousehold(address, members), admin);
    }

    static Point door(Grids grids, String grid) {
        return grids.geometry(grid).orElseThrow().getInteriorPoint();
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A valid, random ID number of the demo city (GB 11643, MOD 11-2). */
    static String idNumber(boolean male) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(30_000));
        int sequence = r.nextInt(500) * 2 + (male ? 1 : 0);
        String body = "370523" + born.toString().replace("-", "") + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
