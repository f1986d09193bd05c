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
 * @param text found in the description, the address or the item's name, or the incident's number (whole or its tail)
 * @param number the incident's number (事件编号), whole ({@code DY-20261203-0042}) or its tail ({@code 0042}, {@code
 *     20261203-0042})
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
        String number,
        String sort,
        int page,
        int size) {

    /** Every incident the caller may see, in this order, one page of them. */
    public static IncidentFilter all(String sort, int page, int size) {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null, sort, page, size);
    }

    /** The same filter, limited to a region's subtree. */
    public IncidentFilter inRegion(String code) {
        return new IncidentFilter(
                status, light, code, grid, category, item, channel, from, to, text, number, sort, page, size);
    }

    /** The same filter, limited to one catalog item. */
    public IncidentFilter ofItem(String code) {
        return new IncidentFilter(
                status, light, region, grid, category, code, channel, from, to, text, number, sort, page, size);
    }
}
