package org.onegrid.dispute;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onegrid.dispute.domain.Level;
import org.onegrid.dispute.domain.Risk;
import org.onegrid.dispute.domain.Status;
import org.onegrid.dispute.persistence.DisputeLists;
import org.onegrid.shared.config.CityTime;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What pages and other modules read of disputes: the lists of a mediator, a body and a region, the sessions of a
 * mediator's day, and the disputes a registry person or organisation is party to. Always within the caller's region.
 */
@Service
public class DisputeQueries {

    private static final int PAGE = 50;

    private final DisputeLists lists;
    private final Clock clock;

    DisputeQueries(DisputeLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    /**
     * @param scope {@code mine} the caller's own cases as mediator, {@code desk} the caller's body's, {@code all} the
     *     region's
     * @param status {@code open}, {@code concluded}, a status name, or null for all
     */
    @Transactional(readOnly = true)
    public List<DisputeSummaryView> list(String scope, String status, int page, StaffPrincipal me) {
        mustBeStaff(me);
        String s = scope == null ? "all" : scope.strip().toLowerCase(Locale.ROOT);
        Long mediator = null;
        Long body = null;
        switch (s) {
            case "mine" -> mediator = me.userId();
            case "desk" -> body = me.orgId();
            case "all" -> {}
            default -> throw Problems.invalid("scope", "scope 只能是 mine、desk 或 all");
        }
        return lists
                .list(me.scopePath(), me.orgId(), mediator, body, statuses(status), Math.max(0, page), PAGE)
                .stream()
                .map(DisputeQueries::summary)
                .toList();
    }

    /** The disputes a registry person is party to, in the caller's region. */
    @Transactional(readOnly = true)
    public List<DisputeSummaryView> ofPerson(long personId, StaffPrincipal me) {
        mustBeStaff(me);
        return lists.ofParty(personId, null, me.scopePath()).stream()
                .map(DisputeQueries::summary)
                .toList();
    }

    /** The disputes a registry organisation is party to, in the caller's region. */
    @Transactional(readOnly = true)
    public List<DisputeSummaryView> ofOrganisation(long organisationId, StaffPrincipal me) {
        mustBeStaff(me);
        return lists.ofParty(null, organisationId, me.scopePath()).stream()
                .map(DisputeQueries::summary)
                .toList();
    }

    /** A session the caller held. */
    public record SessionLine(
            java.util.UUID disputeId, String number, String typeName, int session, Instant heldAt, String place) {}

    /** 今日调解: the sessions the caller recorded today (city time). */
    @Transactional(readOnly = true)
    public List<SessionLine> sessionsToday(StaffPrincipal me) {
        mustBeStaff(me);
        LocalDate today = LocalDate.now(clock.withZone(CityTime.ZONE));
        Instant from = today.atStartOfDay(CityTime.ZONE).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant();
        return lists.sessionsOf(me.userId(), from, to).stream()
                .map(l -> new SessionLine(l.disputeId(), l.number(), l.typeName(), l.session(), l.heldAt(), l.place()))
                .toList();
    }

    /** One line of the figures: 化解率 = solved / concluded, and the rates after the agreement. */
    public record FiguresLine(
            String key,
            long concluded,
            long solved,
            double resolutionRate,
            double grassrootsShare,
            double performanceRate,
            double confirmationRate,
            double averageDays) {}

    /** The figures of a period: the whole, by level, type, body and month; open major cases; hotspots by grid. */
    public record FiguresView(
            LocalDate from,
            LocalDate to,
            FiguresLine total,
            List<FiguresLine> byLevel,
            List<FiguresLine> byType,
            List<FiguresLine> byBody,
            List<FiguresLine> byMonth,
            long openMajor,
            List<DisputeLists.Hotspot> hotspots) {}

    /** 化解 figures of the caller's region for the days {@code from} to {@code to} (inclusive, city time). */
    @Transactional(readOnly = true)
    public FiguresView figures(LocalDate from, LocalDate to, StaffPrincipal me) {
        mustBeStaff(me);
        Problems.checkDay("from", from);
        Problems.checkDay("to", to);
        if (to.isBefore(from)) {
            throw Problems.invalid("to", "结束日期不能早于开始日期");
        }
        Instant a = from.atStartOfDay(CityTime.ZONE).toInstant();
        Instant b = to.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant();
        String scope = me.scopePath();
        List<FiguresLine> total = lines(lists.figures(scope, a, b, "total"));
        return new FiguresView(
                from,
                to,
                total.isEmpty() ? new FiguresLine("total", 0, 0, 0, 0, 0, 0, 0) : total.get(0),
                lines(lists.figures(scope, a, b, "level")).stream()
                        .map(l -> relabel(l, Level.valueOf(l.key()).label()))
                        .toList(),
                lines(lists.figures(scope, a, b, "type")),
                lines(lists.figures(scope, a, b, "body")),
                lines(lists.figures(scope, a, b, "month")).stream()
                        .sorted(java.util.Comparator.comparing(FiguresLine::key))
                        .toList(),
                lists.openMajor(scope),
                lists.hotspots(scope, a, b, 10));
    }

    private static FiguresLine relabel(FiguresLine l, String key) {
        return new FiguresLine(
                key,
                l.concluded(),
                l.solved(),
                l.resolutionRate(),
                l.grassrootsShare(),
                l.performanceRate(),
                l.confirmationRate(),
                l.averageDays());
    }

    private static List<FiguresLine> lines(List<DisputeLists.Figures> figures) {
        return figures.stream()
                .map(f -> new FiguresLine(
                        f.key(),
                        f.concluded(),
                        f.solved(),
                        share(f.solved(), f.concluded()),
                        share(f.solvedGrassroots(), f.solved()),
                        share(f.performedFully(), f.performedRecorded()),
                        share(f.confirmed(), f.solved()),
                        Math.round(f.averageDays() * 10) / 10.0))
                .toList();
    }

    /** A share in per cent with one decimal; 0 of 0 is 0. */
    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static List<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> List.of("RECEIVED", "ACCEPTED", "MEDIATING");
            case "concluded" -> List.of("AGREED", "FAILED", "PERFORMED", "FOLLOWED_UP");
            default -> {
                try {
                    yield List.of(Status.valueOf(status.strip().toUpperCase(Locale.ROOT))
                            .name());
                } catch (IllegalArgumentException e) {
                    throw Problems.invalid("status", "未知的状态：" + status.strip());
                }
            }
        };
    }

    static DisputeSummaryView summary(DisputeLists.Line l) {
        return new DisputeSummaryView(
                l.id(),
                l.number(),
                l.status(),
                Status.valueOf(l.status()).label(),
                l.typeName(),
                Risk.valueOf(l.risk()).label(),
                l.major(),
                l.bodyName(),
                Level.valueOf(l.bodyLevel()).label(),
                l.mediatorName(),
                l.light(),
                l.deadline(),
                l.receivedAt(),
                l.parties());
    }

    private static void mustBeStaff(StaffPrincipal me) {
        if (me == null || me.roles().equals(Set.of(Role.RESIDENT))) {
            throw Problems.forbidden("矛盾纠纷案件供工作人员查看");
        }
    }
}
