package org.onegrid.patrol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A patrol 巡查: its grid, times, the distance walked, the share of the grid covered (within 30 m of the track) and
 * the problems found, as incidents.
 *
 * @param number 巡查编号, to quote
 * @param coveredPercent share of the grid's area covered, in percent with one decimal; null while running
 * @param track the positions in order, as [lng, lat]
 */
public record PatrolView(
        UUID id,
        long number,
        String gridCode,
        String workerName,
        String status,
        Instant startedAt,
        Instant endedAt,
        long durationSeconds,
        Integer distanceMetres,
        Double coveredPercent,
        int points,
        List<double[]> track,
        List<UUID> incidentIds) {}
