package org.onegrid.incident.domain;

import java.util.Objects;

/**
 * What was reported and where it was routed (事件登记信息), fixed at intake.
 *
 * @param channel how it came in
 * @param text the description; 1 to {@value Incident#MAX_TEXT} characters
 * @param place where, as reported
 * @param gridCode the grid the location falls in
 * @param regionPath the path of the grid's village, e.g. {@code /3705/370523/370523101/370523101211/}: the
 *     incident's place in the data scope
 * @param reporter who raised it
 */
public record Intake(Channel channel, String text, Place place, String gridCode, String regionPath, Reporter reporter) {

    public Intake {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(gridCode, "gridCode");
        RegionPaths.require(regionPath, "An incident's region path");
        Objects.requireNonNull(reporter, "reporter");
    }
}
