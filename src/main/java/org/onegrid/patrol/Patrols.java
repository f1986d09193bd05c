package org.onegrid.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.ReportIncident;
import org.onegrid.patrol.domain.Track;
import org.onegrid.patrol.persistence.TrackRows;
import org.onegrid.patrol.persistence.TrackRows.TimedPoint;
import org.onegrid.patrol.persistence.TrackRows.TrackRow;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.shared.geo.Position;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrols 巡查: a grid worker starts one over one of their grids, the phone sends its positions as it goes (and
 * those it kept while offline when the connection returns), and stopping measures the distance, the duration and
 * the share of the grid covered. Problems found on the way become incidents (channel 巡查发现).
 */
@Service
public class Patrols {

    public static final int MAX_POINTS_PER_REQUEST = 2000;

    private final TrackRows tracks;
    private final Grids grids;
    private final IncidentApi incidents;
    private final Clock clock;

    Patrols(TrackRows tracks, Grids grids, IncidentApi incidents, Clock clock) {
        this.tracks = tracks;
        this.grids = grids;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Starts a patrol of one of the caller's grids; with one running already, that one is answered. */
    @Transactional
    public PatrolView start(String gridCode, StaffPrincipal me) {
        mustBeGridWorker(me);
        Optional<TrackRow> running = tracks.running(me.userId());
        if (running.isPresent()) {
            return view(running.get(), false);
        }
        if (gridCode == null || !me.grids().contains(gridCode.strip())) {
            throw Problems.notFound("grid", String.valueOf(gridCode));
        }
        Location l = grids.location(gridCode.strip()).orElseThrow(() -> Problems.notFound("grid", gridCode));
        UUID id = UUID.randomUUID();
        tracks.start(
                id, me.userId(), me.displayName(), l.grid().code(), l.village().path(), clock.instant());
        return view(tracks.find(id).orElseThrow(), false);
    }

    /** The caller's running patrol, if any. */
    @Transactional(readOnly = true)
    public Optional<PatrolView> running(StaffPrincipal me) {
        return tracks.running(me.userId()).map(t -> view(t, false));
    }

    /** Adds positions to the caller's running patrol; positions sent before are kept once. Returns how many were new. */
    @Transactional
    public int addPoints(UUID id, List<TrackPoint> points, StaffPrincipal me) {
        TrackRow t = own(id, me);
        if (!"RUNNING".equals(t.status())) {
            throw Problems.conflict("该巡查已结束，不能再添加轨迹点");
        }
        return tracks.addPoints(id, checked(points, t));
    }

    /** Stops the caller's patrol with the last positions, and measures it. Stopping twice answers the same. */
    @Transactional
    public PatrolView stop(UUID id, List<TrackPoint> last, StaffPrincipal me) {
        own(id, me);
        TrackRow t = tracks.lock(id).orElseThrow();
        if (!"RUNNING".equals(t.status())) {
            return view(t, true);
        }
        tracks.addPoints(id, checked(last == null ? List.of() : last, t));
        List<TimedPoint> points = tracks.points(id);
        Track.Measure m = Track.measure(
                TrackRows.positions(points), grids.geometry(t.gridCode()).orElse(null));
        Instant end = points.isEmpty()
                ? clock.instant()
                : points.stream()
                        .map(TimedPoint::at)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        end = end.isBefore(clock.instant()) ? clock.instant() : end;
        tracks.end(id, end, m.distanceMetres(), m.coveredShare());
        return view(tracks.find(id).orElseThrow(), true);
    }

    /** A patrol with its track: the caller's own, or one in a centre's or leader's scope. */
    @Transactional(readOnly = true)
    public Optional<PatrolView> find(UUID id, StaffPrincipal me) {
        return tracks.find(id)
                .filter(t -> t.workerId() == me.userId()
                        || (me.hasAnyRole(Role.ADMIN, Role.LEADER, Role.CENTRE_DISPATCHER)
                                && me.canSeePath(t.regionPath())))
                .map(t -> view(t, true));
    }

    /** The caller's latest patrols, newest first. */
    @Transactional(readOnly = true)
    public List<PatrolView> mine(StaffPrincipal me) {
        return tracks.ofWorker(me.userId(), 20).stream()
                .map(t -> view(t, false))
                .toList();
    }

    /**
     * A problem found on the patrol, reported into the incident loop (channel 巡查发现) at the given place or, without
     * one, at the patrol's last position.
     */
    @Transactional
    public UUID reportProblem(UUID id, ReportIncident problem, StaffPrincipal me) {
        TrackRow t = own(id, me);
        Double lng = problem.longitude();
        Double lat = problem.latitude();
        if (lng == null || lat == null) {
            List<TimedPoint> points = tracks.points(id);
            if (!points.isEmpty()) {
                lng = points.get(points.size() - 1).lng();
                lat = points.get(points.size() - 1).lat();
            }
        }
        UUID incident = incidents
                .report(
                        new ReportIncident(
                                problem.itemCode(),
                                (problem.text() == null ? "" : problem.text().strip()) + "（巡查第 " + t.number() + " 号发现）",
                                "PATROL",
                                lng,
                                lat,
                                problem.address(),
                                lng == null ? t.gridCode() : null,
                                null,
                                null,
                                problem.photoIds()),
                        null,
                        me)
                .incident()
                .id();
        tracks.problem(id, incident);
        return incident;
    }

    private TrackRow own(UUID id, StaffPrincipal me) {
        mustBeGridWorker(me);
        return tracks.find(id)
                .filter(t -> t.workerId() == me.userId())
                .orElseThrow(() -> Problems.notFound("patrol", String.valueOf(id)));
    }

    private List<TimedPoint> checked(List<TrackPoint> points, TrackRow t) {
        if (points.size() > MAX_POINTS_PER_REQUEST) {
            throw Problems.invalid("points", "一次最多发送 " + MAX_POINTS_PER_REQUEST + " 个轨迹点");
        }
        Instant earliest = t.startedAt().minus(Duration.ofMinutes(1));
        Instant latest = clock.instant().plus(Duration.ofMinutes(5));
        List<TimedPoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            TrackPoint p = points.get(i);
            String field = "points[" + i + "]";
            if (p == null
                    || p.at() == null
                    || p.lng() == null
                    || p.lat() == null
                    || !new Position(p.lng(), p.lat()).valid()) {
                throw Problems.invalid(field, "轨迹点须有时间和有效的经纬度");
            }
            if (p.at().isBefore(earliest) || p.at().isAfter(latest)) {
                throw Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "point-out-of-time",
                        "第 " + (i + 1) + " 个轨迹点的时间不在本次巡查期间",
                        Map.of("field", field));
            }
            out.add(new TimedPoint(p.at(), p.lng(), p.lat()));
        }
        return out;
    }

    private PatrolView view(TrackRow t, boolean detail) {
        List<TimedPoint> points = tracks.points(t.id());
        Instant end = t.endedAt() == null ? clock.instant() : t.endedAt();
        return new PatrolView(
                t.id(),
                t.number(),
                t.gridCode(),
                t.workerName(),
                t.status(),
                t.startedAt(),
                t.endedAt(),
                Duration.between(t.startedAt(), end).toSeconds(),
                t.distanceM(),
                t.coveredShare() == null ? null : Math.round(t.coveredShare() * 1000) / 10.0,
                points.size(),
                detail
                        ? points.stream()
                                .map(p -> new double[] {p.lng(), p.lat()})
                                .toList()
                        : List.of(),
                tracks.problems(t.id()));
    }

    private static void mustBeGridWorker(StaffPrincipal me) {
        if (me == null || !me.hasRole(Role.GRID_WORKER)) {
            throw Problems.forbidden("巡查由网格员开始和结束");
        }
    }
}
