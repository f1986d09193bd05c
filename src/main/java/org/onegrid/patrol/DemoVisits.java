package org.onegrid.patrol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.Outcome;
import org.onegrid.registry.HouseholdCard;
import org.onegrid.registry.RegistryQueries;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The demo city's past visits: each grid's grid workers visit the households the registry has in a region, every
 * household at its interval (重点人群 more often), through the same action as on the phone ({@link
 * PatrolApi#recordVisit}) — 见面 most often, now and then 无人在家 with the revisit a day or two later, a refusal, a
 * change for the village to confirm, a visit too far from the door. Run it after the registry's demo import, over
 * the regions imported; it visits only households that exist then.
 */
@Service
public class DemoVisits {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);
    private static final ZoneId CITY = CityTime.ZONE;

    private final PatrolApi patrol;
    private final RegistryQueries households;
    private final Staff staff;

    DemoVisits(PatrolApi patrol, RegistryQueries households, Staff staff) {
        this.patrol = patrol;
        this.households = households;
        this.staff = staff;
    }

    /**
     * Visits the households of a region subtree from {@code from} until yesterday, as {@code admin} takes them in.
     * Returns the number of visits recorded. The same seed gives the same visits.
     */
    public int generate(String regionPath, LocalDate from, StaffPrincipal admin, long seed) {
        patrol.takeInRegion(regionPath, admin);
        LocalDate until = patrol.today().minusDays(1);
        Random random = new Random(seed);
        Map<String, List<HouseholdCard>> byGrid = households.householdsInRegion(regionPath, admin).stream()
                .collect(Collectors.groupingBy(HouseholdCard::gridCode));
        int recorded = 0;
        for (Map.Entry<String, List<HouseholdCard>> grid : byGrid.entrySet()) {
            List<StaffPrincipal> workers = staff.gridStaff(grid.getKey()).stream()
                    .filter(a -> a.duty() == GridDuty.GRID_WORKER)
                    .map(a -> staff.principal(a.userId()).orElse(null))
                    .filter(p -> p != null && p.grids().contains(grid.getKey()))
                    .toList();
            if (workers.isEmpty()) {
                continue;
            }
            for (HouseholdCard h : grid.getValue()) {
                StaffPrincipal worker = workers.get(random.nextInt(workers.size()));
                int every = patrol.household(h.id(), worker)
                        .map(DueHouseholdView::everyDays)
                        .orElse(30);
                LocalDate day = from.plusDays(random.nextInt(every));
                while (!day.isAfter(until)) {
                    Outcome outcome = outcome(random);
                    recorded += visit(h, worker, day, outcome, random);
                    if (outcome == Outcome.NOBODY_HOME && !day.plusDays(1).isAfter(until)) {
                        day = day.plusDays(1 + random.nextInt(2));
                        if (!day.isAfter(until)) {
                            recorded += visit(h, worker, day, Outcome.MET, random);
                        }
                    }
                    day = day.plusDays(Math.max(1, every - 3 + random.nextInt(7)));
                }
            }
        }
        log.info("Demo visits: {} recorded over {} grids of {}", recorded, byGrid.size(), regionPath);
        return recorded;
    }

    private int visit(HouseholdCard h, StaffPrincipal worker, LocalDate day, Outcome outcome, Random random) {
        ZonedDateTime start = day.atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(9 * 60)))
                .atZone(CITY);
        int minutes = outcome == Outcome.NOBODY_HOME ? 1 + random.nextInt(3) : 4 + random.nextInt(25);
        double metres = random.nextInt(100) < 3 ? 220 + random.nextInt(200) : random.nextInt(30);
        double angle = random.nextDouble() * 2 * Math.PI;
        double lng = h.lng() + metres * Math.cos(angle) / (111_320 * Math.cos(Math.toRadians(h.lat())));
        double lat = h.lat() + metres * Math.sin(angle) / 110_574;
        RecordVisit.Change change =
                outcome == Outcome.CHANGED ? new RecordVisit.Change(ChangeKind.OTHER, null, "户主联系电话已更换") : null;
        try {
            patrol.recordVisit(
                    new RecordVisit(
                            null,
                            h.id(),
                            outcome,
                            start.toInstant(),
                            start.plusMinutes(minutes).toInstant(),
                            lng,
                            lat,
                            null,
                            null,
                            new ArrayList<>(),
                            change,
                            null),
                    worker);
            return 1;
        } catch (ErrorResponseException | org.onegrid.patrol.domain.VisitRefused e) {
            log.debug("Demo visit to household {} skipped: {}", h.id(), e.getMessage());
            return 0;
        }
    }

    private static Outcome outcome(Random random) {
        int r = random.nextInt(100);
        if (r < 84) {
            return Outcome.MET;
        }
        if (r < 94) {
            return Outcome.NOBODY_HOME;
        }
        if (r < 97) {
            return Outcome.REFUSED;
        }
        return Outcome.CHANGED;
    }
}
