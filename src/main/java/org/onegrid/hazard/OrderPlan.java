package org.onegrid.hazard;

import java.time.LocalDate;
import java.util.List;

/**
 * Orders a screening plan 排查计划.
 *
 * @param regionCode the subtree screened (default: the caller's whole region)
 * @param targetKind {@code GRIDS} or {@code ORGANISATIONS}
 * @param targetTag for organisations: the registry tag ({@code HAZARDOUS_CHEMICALS}, {@code NINE_SMALL} …)
 * @param frequency {@code quarterly}, {@code monthly}, {@code half-monthly}, {@code weekly}, {@code daily}, {@code
 *     every N days} or the Chinese 每季度、每月、每半月、每周、每日、每N天
 * @param dueDays days from a period's first day within which its tasks are due (default: the whole period)
 * @param owner who does the tasks: {@code GRID_WORKER}, {@code VILLAGE}, {@code TOWN}, {@code COUNTY}, {@code CITY}
 */
public record OrderPlan(
        String name,
        String regionCode,
        String targetKind,
        String targetTag,
        String frequency,
        LocalDate startsOn,
        Integer dueDays,
        List<Item> checklist,
        String owner) {

    /**
     * @param evidence {@code NONE}, {@code NOTE}, {@code PHOTO}, {@code PHOTO_AND_NOTE}
     * @param failGrade {@code GENERAL} 一般 or {@code MAJOR} 重大
     */
    public record Item(String code, String text, String evidence, String failGrade) {}
}
