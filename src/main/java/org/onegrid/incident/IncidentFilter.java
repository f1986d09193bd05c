package org.onegrid.incident;

import java.time.LocalDate;

/**
 * What a list of incidents is filtered by; null means any. Every list is limited to the caller's data scope as
 * well.
 *
 * @param region a region code: incidents in its subtree
 * @param light {@code GREEN}, {@code YELLOW} or {@code RED} now
 * @param from reported on or after this day (东营 local time)
 * @param to reported on or before this day
 * @param text found in the description, the address or the item's name
 * @param sort {@code reportedAt} (default), {@code deadline} or {@code status}, with {@code ,asc} or {@code ,desc}
 */
public record IncidentFilter(
        String status,
        String light,
        String region,
        String grid,
        String category,
        String item,
        String channel,
        LocalDate from,
        LocalDate to,
        String text,
        String sort,
        int page,
        int size) {}
