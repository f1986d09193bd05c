package org.onegrid.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One incident in a list (事件列表): enough to show a row with its light, without its history.
 *
 * @param number the short number staff quote (事件编号), e.g. {@code DY-20261203-0042}
 * @param status e.g. {@code ACCEPTED}, with {@code statusLabel} 已受理
 * @param excerpt the description's first 120 characters
 * @param stage the running stage ({@code ACCEPT}, {@code HANDLE}, {@code VERIFY}), null when closed, rejected or merged
 * @param light {@code GREEN}, {@code YELLOW} or {@code RED} at the time of the query; null without a running stage
 * @param typeUnconfirmed 类型待确认: the item was suggested from the text and the owning centre has not confirmed it
 */
public record IncidentSummaryView(
        UUID id,
        String number,
        String status,
        String statusLabel,
        String channel,
        String itemCode,
        String itemName,
        String categoryCode,
        String excerpt,
        String address,
        String gridCode,
        String villageCode,
        String regionPath,
        long ownerOrgId,
        String ownerLevel,
        String handlingMode,
        Long leadOrgId,
        String stage,
        Instant deadline,
        String light,
        Instant reportedAt,
        Instant closedAt,
        String resolutionLevel,
        long version,
        boolean typeUnconfirmed) {}
