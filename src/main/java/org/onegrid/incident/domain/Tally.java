package org.onegrid.incident.domain;

/**
 * What an incident has been through, counted for assessment (考核): supporters (附议) from merged duplicates,
 * returns (退回), reworks (返工), reopens (重办), escalations (上报), urges (催办), overdue stages (超期) and
 * approved extensions (延期).
 */
public record Tally(
        int supporters,
        int returns,
        int reworks,
        int reopens,
        int escalations,
        int urges,
        int overdues,
        int extensions) {

    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0);
}
