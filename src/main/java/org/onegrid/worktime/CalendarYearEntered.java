package org.onegrid.worktime;

/**
 * An administrator entered a year's official holiday arrangement. Published in the entering transaction, so that
 * deadlines counted on what it replaced can be counted again before it commits.
 *
 * @param year the arrangement now in force
 * @param replaced the arrangement it replaced: the provisional one, or an earlier official entry
 */
public record CalendarYearEntered(CalendarYear year, CalendarYear replaced) {}
