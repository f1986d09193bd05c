package org.onegrid.patrol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.Outcome;
import org.onegrid.patrol.persistence.VisitRows;
import org.onegrid.registry.HouseholdCard;
import org.onegrid.registry.RegistryQueries;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The demo city's past visits: each grid's grid workers visit the households the registry has in a region, every
 * household at its interval (重点人群 more often), through the same action as on the phone ({@link
 * PatrolApi#recordVisit}) — 见面 most often, now and then 无人在家 with a revisit, a refusal, a change for the village
 * to confirm, a visit too far from the door, and in the last days a problem found, reported into the incident loop
 * by the same step. Grid workers are uneven, as they are: most keep their households' intervals and come back within
 * the revisit days, some fall behind, a few far behind, so that a town has overdue households and overdue revisits.
 * Run it after the registry's demo import, over the regions imported; it visits only households that exist then, and
 * none that has been visited before (run twice, it adds nothing).
 */
@Service
public class DemoVisits {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);
    private static final ZoneId CITY = CityTime.ZONE;

    /** Problems a grid worker finds at a door, as catalog items (事项小类) with what they would write. */
    private static final List<RecordVisit.Problem> PROBLEMS = List.of(
            new RecordVisit.Problem("AQYH-003", "楼道内飞线给电动车充电，已当场劝导"),
            new RecordVisit.Problem("AQYH-002", "楼道堆放纸箱杂物，堵塞消防通道"),
            new RecordVisit.Problem("MDJF-001", "楼上漏水，邻里有争执"),
            new RecordVisit.Problem("MDJF-003", "老人反映子女长期不来探望、不给生活费"),
            new RecordVisit.Problem("CSGL-002", "宅前屋后堆放柴草，存在火灾隐患"));

    /** Grids generated side by side: the database's round trips leave a core free for the next visit's checks. */
    private static final int THREADS = 2;

    /** In the last so many days, now and then a problem found at the door goes into the incident loop. */
    private static final int PROBLEM_DAYS = 7;

    private final PatrolApi patrol;
    private final RegistryQueries households;
    private final Staff staff;
    private final VisitRows visits;
    private final PatrolSettings settings;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate atSavepoint;

    DemoVisits(
            PatrolApi patrol,
            RegistryQueries households,
            Staff staff,
            VisitRows visits,
            PatrolSettings settings,
            PlatformTransactionManager transactions) {
        this.patrol = patrol;
        this.households = households;
        this.staff = staff;
        this.visits = visits;
        this.settings = settings;
        this.inTransaction = new TransactionTemplate(transactions);
        this.atSavepoint = new TransactionTemplate(transactions);
        this.atSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Visits the households of a region subtree from {@code from} until yesterday, as {@code admin} takes them in.
     * Returns the number of visits recorded. The same seed gives the same visits.
     */
    public int generate(String regionPath, LocalDate from, StaffPrincipal admin, long seed) {
        patrol.takeInRegion(regionPath, admin);
        LocalDate until = patrol.today().minusDays(1);
        Map<String, List<HouseholdCard>> byGrid =
                new TreeMap<>(households.householdsInRegion(regionPath, admin).stream()
                        .collect(Collectors.groupingBy(HouseholdCard::gridCode)));
        // the grids side by side, each in one transaction (a savepoint per visit): a commit per grid, not per visit
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Map.Entry<String, List<HouseholdCard>> grid : byGrid.entrySet()) {
                Random random = new Random(seed ^ grid.getKey().hashCode());
                done.add(threads.submit(
                        () -> inTransaction.execute(s -> grid(grid.getKey(), grid.getValue(), from, until, random))));
            }
            int recorded = 0;
            for (Future<Integer> f : done) {
                recorded += f.get();
            }
            log.info("Demo visits: {} recorded over {} grids of {}", recorded, byGrid.size(), regionPath);
            return recorded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo visits interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** One grid's visits, by its grid workers, each at their own pace. */
    private int grid(String grid, List<HouseholdCard> cards, LocalDate from, LocalDate until, Random random) {
        List<StaffPrincipal> workers = staff.gridStaff(grid).stream()
                .filter(a -> a.duty() == GridDuty.GRID_WORKER)
                .map(a -> staff.principal(a.userId()).orElse(null))
                .filter(p -> p != null && p.grids().contains(grid))
                .toList();
        if (workers.isEmpty()) {
            return 0;
        }
        double[] pace = new double[workers.size()];
        for (int i = 0; i < pace.length; i++) {
            pace[i] = pace(random);
        }
        int recorded = 0;
        for (HouseholdCard h : cards) {
            int w = random.nextInt(workers.size());
            StaffPrincipal worker = workers.get(w);
            if (!visits.ofHousehold(h.id(), 1).isEmpty()) {
                continue;
            }
            int every = patrol.household(h.id(), worker)
                    .map(DueHouseholdView::everyDays)
                    .orElse(30);
            int interval = (int) Math.round(every * pace[w]);
            LocalDate day = from.plusDays(random.nextInt(interval));
            while (!day.isAfter(until)) {
                Outcome outcome = outcome(random);
                RecordVisit.Problem problem = outcome.reachesHousehold()
                                && day.isAfter(until.minusDays(PROBLEM_DAYS))
                                && random.nextInt(100) < 5
                        ? PROBLEMS.get(random.nextInt(PROBLEMS.size()))
                        : null;
                recorded += visit(h, worker, day, outcome, problem, random);
                if (outcome == Outcome.NOBODY_HOME) {
                    // on time: within the revisit days; behind: later, or not before today (an overdue revisit)
                    int revisit = pace[w] == 1.0
                            ? 1 + random.nextInt(settings.revisitDays())
                            : 1 + random.nextInt((int) Math.round(settings.revisitDays() * pace[w] * 2));
                    day = day.plusDays(revisit);
                    if (!day.isAfter(until)) {
                        recorded += visit(h, worker, day, Outcome.MET, null, random);
                    }
                }
                day = day.plusDays(Math.max(1, interval - 3 + random.nextInt(7)));
            }
        }
        return recorded;
    }

    /** How slowly a grid worker goes round: 1 keeps the intervals; six in ten do, three fall behind, one far behind. */
    private static double pace(Random random) {
        int r = random.nextInt(10);
        return r < 6 ? 1.0 : r < 9 ? 1.3 : 1.8;
    }

    private int visit(
            HouseholdCard h,
            StaffPrincipal worker,
            LocalDate day,
            Outcome outcome,
            RecordVisit.Problem problem,
            Random random) {
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
            // a savepoint: a visit the rules or the incident loop refuse is undone alone, the grid's others stay
            atSavepoint.executeWithoutResult(s -> patrol.recordVisit(
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
                            problem),
                    worker));
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
