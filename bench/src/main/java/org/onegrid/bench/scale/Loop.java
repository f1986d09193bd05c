package org.onegrid.bench.scale;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.incident.domain.Act;
import org.onegrid.incident.domain.Actor;
import org.onegrid.incident.domain.Centre;
import org.onegrid.incident.domain.Channel;
import org.onegrid.incident.domain.Decision;
import org.onegrid.incident.domain.Department;
import org.onegrid.incident.domain.Dispatch;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.Incident;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.Intake;
import org.onegrid.incident.domain.Place;
import org.onegrid.incident.domain.Reporter;
import org.onegrid.incident.domain.StageWindow;
import org.onegrid.incident.domain.Status;

/**
 * Drives one incident through the application's own aggregate, action after action at the times they would have
 * happened, as a real loop would: the report, then rejection, resolution on the spot, or acceptance, dispatch,
 * signing, completion with evidence, verification and, for some, an evaluation. Before every action whose time lies
 * past the running stage's deadline the overdue scan's mark comes first (within a minute of the deadline, as the
 * scan runs every minute), with its escalation where the item says so. Whatever would happen after {@code end}
 * does not happen: the incident stays open where it is.
 */
final class Loop {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final java.util.concurrent.atomic.AtomicInteger REFUSALS_SHOWN =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The incident as driven, and the photos its evidence-carrying actions attached. */
    record Driven(Incident incident, City.Grid grid, City.Item item, List<Photo> photos, boolean stopped) {}

    record Photo(UUID id, long uploadedBy, Instant at) {}

    private final City city;
    private final Deadlines deadlines;
    private final Instant end;
    private final SplittableRandom random;
    private Instant now;
    private Incident incident;
    private List<Photo> photos;

    Loop(City city, Deadlines deadlines, Instant end, SplittableRandom random) {
        this.city = city;
        this.deadlines = deadlines;
        this.end = end;
        this.random = random;
    }

    /** Why the loop stopped early: its next step lies after {@code end}. */
    private static final class Later extends RuntimeException {
        Later() {
            super(null, null, false, false);
        }
    }

    /**
     * One incident reported at {@code reportedAt}; with {@code maxSteps} below the whole loop it stops after that many
     * actions of its own (not counting the scan's marks), still open.
     */
    Driven drive(Instant reportedAt, int maxSteps) {
        City.Grid grid = city.grids.get(random.nextInt(city.grids.size()));
        photos = new ArrayList<>(2);
        now = officeTime(reportedAt);
        if (now.isAfter(end)) {
            // an evening or Sunday report of the last day would move to the next working morning, after the data's
            // moment: it stays when it came, so that nothing is reported in the future
            now = reportedAt;
        }
        int r = random.nextInt(100);
        Channel channel =
                r < 50 ? Channel.GRID_WORKER : r < 60 ? Channel.PATROL : r < 90 ? Channel.HOTLINE : Channel.VISIT;
        boolean byWorker = channel == Channel.GRID_WORKER || channel == Channel.PATROL;
        // grid workers on patrol mostly find the small things of the street (小事), which they resolve on the spot
        List<City.Item> choice = byWorker && random.nextInt(100) < 75 ? city.smallItems : city.items;
        City.Item item = choice.get(random.nextInt(choice.size()));
        Centre owner = city.owner(grid, item).orElse(grid.villageCentre());
        Actor reporterActor = byWorker ? grid.worker() : grid.villageDispatcher();
        Reporter reporter = byWorker
                ? new Reporter(grid.worker().userId(), grid.worker().name())
                : Reporter.withoutAccount(Texts.NAMES[random.nextInt(Texts.NAMES.length)]);
        Place place = byWorker
                ? new Place(grid.longitude(), grid.latitude(), null)
                : new Place(null, null, grid.view().name() + Texts.ADDRESSES[random.nextInt(Texts.ADDRESSES.length)]);
        Intake intake = new Intake(
                channel,
                item.view().name() + "：" + Texts.REPORTS[random.nextInt(Texts.REPORTS.length)],
                place,
                grid.view().code(),
                grid.location().village().path(),
                reporter);
        incident = Incident.report(
                new IncidentId(uuid()), intake, item.item().terms(), owner, Act.by(reporterActor, now), deadlines);
        int steps = 1;
        try {
            if (steps++ >= maxSteps) {
                throw new Later();
            }
            // a loop cut short to stay open is neither rejected nor resolved on the spot
            boolean whole = maxSteps == Integer.MAX_VALUE;
            if (whole && random.nextInt(100) < 3) {
                within(0.05, 0.9);
                act(c -> incident.reject(by(centre(), "经核实不属于受理范围，已告知反映人")));
                return new Driven(incident, grid, item, photos, false);
            }
            if (whole && byWorker && item.small() && random.nextInt(100) < 80) {
                within(0.05, 0.9);
                act(c -> incident.resolveOnTheSpot(evidence(grid.worker(), "网格员现场处置，问题已解决")));
                evaluateSometimes(grid, reporterActor, byWorker);
                return new Driven(incident, grid, item, photos, false);
            }
            within(0.05, 0.6);
            act(c -> incident.accept(by(centre(), "")));
            if (steps++ >= maxSteps) {
                throw new Later();
            }
            within(0.6, 0.9);
            String leadCode = item.view().departmentCodes().get(0);
            Department lead = city.department(
                            leadCode, grid.location().village().code())
                    .orElseThrow(() -> new IllegalStateException("No department " + leadCode + " serves " + grid));
            boolean dual = random.nextInt(100) < 30;
            Dispatch to = dual ? new Dispatch.Dual(lead, grid.worker().userId()) : new Dispatch.Single(lead);
            act(c -> incident.dispatch(by(centre(), dual ? "双派单：部门处置，网格员现场督查" : "请按职责处置"), to));
            if (steps++ >= maxSteps) {
                throw new Later();
            }
            Actor handler = city.handler(lead.orgId())
                    .orElseThrow(() -> new IllegalStateException("Department " + lead + " has no handler"));
            within(0.01, 0.15);
            act(c -> incident.sign(by(handler, "")));
            if (steps++ >= maxSteps) {
                throw new Later();
            }
            within(0.2, 0.95);
            act(c -> incident.complete(evidence(handler, item.view().name() + "已处置完毕")));
            if (steps++ >= maxSteps) {
                throw new Later();
            }
            within(0.05, 0.9);
            // the verifier is known only once the scan's marks (and an escalation) have come first
            act(c -> incident.verify(by(dual ? grid.worker() : centre(), "现场核查属实，予以结案"), true));
            evaluateSometimes(grid, reporterActor, byWorker);
            return new Driven(incident, grid, item, photos, false);
        } catch (Later later) {
            // the scan runs every minute: an escalation restarts the accept stage, which may run out again
            while (markOverdueIfDue(end)) {}
            return new Driven(incident, grid, item, photos, false);
        } catch (Refused refused) {
            if (REFUSALS_SHOWN.getAndIncrement() < 3) {
                System.out.println("  a loop stopped by a rule: " + refused.getMessage());
            }
            return new Driven(incident, grid, item, photos, true);
        }
    }

    private void evaluateSometimes(City.Grid grid, Actor reporterActor, boolean byWorker) {
        if (random.nextInt(100) >= 20) {
            return;
        }
        after(60, 60 * 24 * 2);
        int r = random.nextInt(100);
        Satisfaction rating =
                r < 84 ? Satisfaction.SATISFIED : r < 97 ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.DISSATISFIED;
        Actor who = byWorker ? grid.worker() : centre();
        act(c -> incident.evaluate(by(who, rating == Satisfaction.DISSATISFIED ? "处理结果与诉求不符" : "回访满意"), rating));
    }

    /** The refusal of a rule, which ends the loop where it is (counted by the loader; none are expected). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private void act(Function<Void, Decision> action) {
        while (markOverdueIfDue(now)) {}
        Decision decision = action.apply(null);
        if (!decision.isAllowed()) {
            throw new Refused(decision.toString());
        }
    }

    /** The scan's mark, if the running stage's deadline passed before {@code at}: within a minute of it. */
    private boolean markOverdueIfDue(Instant at) {
        Optional<StageWindow> stage = incident.stage();
        if (stage.isEmpty() || stage.get().overdueMarked()) {
            return false;
        }
        Instant scanAt = stage.get().deadline().plusSeconds(1 + random.nextInt(59));
        if (!scanAt.isBefore(at)) {
            return false;
        }
        Decision marked =
                incident.markOverdue(scanAt, city.parentOf(incident.owner()).orElse(null));
        if (!marked.isAllowed()) {
            throw new Refused(marked.toString());
        }
        return true;
    }

    private Actor centre() {
        return city.dispatcher(incident.owner().orgId())
                .orElseThrow(() -> new IllegalStateException("Centre " + incident.owner() + " has no dispatcher"));
    }

    private Act by(Actor actor, String comment) {
        return Act.by(actor, now).saying(comment);
    }

    private Act evidence(Actor actor, String comment) {
        Photo photo = new Photo(uuid(), actor.userId(), now.minusSeconds(30));
        photos.add(photo);
        return by(actor, comment).attaching(photo.id().toString());
    }

    /**
     * Moves time on to a random point between the fractions {@code from} and {@code to} of the running stage's span
     * from its start to its deadline; one step in twelve runs late instead, up to twice the span. Past {@code end} the
     * loop stops.
     */
    private void within(double from, double to) {
        StageWindow stage = incident.stage().orElseThrow();
        long span = Math.max(
                60_000, Duration.between(stage.startedAt(), stage.deadline()).toMillis());
        double f = random.nextInt(12) == 0 ? 1 + random.nextDouble() : from + (to - from) * random.nextDouble();
        Instant target = stage.startedAt().plusMillis((long) (span * f));
        Instant next = target.isAfter(now) ? target : now.plusSeconds(60 + random.nextInt(600));
        if (next.isAfter(end)) {
            throw new Later();
        }
        now = next;
    }

    /** Moves time on by a random span within office hours; past {@code end} the loop stops. */
    private void after(int minMinutes, int maxMinutes) {
        Instant next = officeTime(
                now.plus(Duration.ofMinutes(minMinutes + random.nextInt(Math.max(1, maxMinutes - minMinutes)))));
        if (next.isAfter(end)) {
            throw new Later();
        }
        now = next;
    }

    private UUID uuid() {
        return new UUID(
                random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
    }

    /** Office hours on a working day, most of the time; some reports come in the evening or at the weekend. */
    static Instant officeTime(Instant t) {
        ZonedDateTime local = t.atZone(LOCAL);
        int minute = local.getHour() * 60 + local.getMinute();
        if (minute < 8 * 60 + 30) {
            local = local.withHour(8).withMinute(30 + minute % 60 / 2);
        } else if (minute > 17 * 60 + 30) {
            local = local.plusDays(1).withHour(8).withMinute(30 + minute % 30);
        }
        if (local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            local = local.plusDays(1);
        }
        return local.toInstant();
    }

    static boolean open(Status status) {
        return status != Status.CLOSED && status != Status.REJECTED && status != Status.MERGED;
    }

    static Handling handlingOf(Incident incident) {
        return incident.handling().orElse(null);
    }
}
