package org.onegrid.incident;

import java.util.List;
import java.util.UUID;

/**
 * 事件登记: a report from a channel. The location is coordinates (WGS 84) and/or an address; with an address only, the
 * grid must be named ({@code gridCode}), as a hotline operator or a grid worker knows it.
 *
 * @param itemCode the catalog item (事项小类)
 * @param channel {@code GRID_WORKER}, {@code CITIZEN}, {@code HOTLINE}, {@code VISIT}, {@code SENSOR} or {@code
 *     PATROL}; by default the one the caller's role reports through
 * @param reporterName who raised it; by default the caller
 * @param reporterPhone kept encrypted, shown masked
 * @param photoIds photos uploaded before, at most 9
 */
public record ReportIncident(
        String itemCode,
        String text,
        String channel,
        Double longitude,
        Double latitude,
        String address,
        String gridCode,
        String reporterName,
        String reporterPhone,
        List<UUID> photoIds) {

    public ReportIncident {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }
}
