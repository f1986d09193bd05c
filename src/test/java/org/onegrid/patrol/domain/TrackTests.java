package org.onegrid.patrol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.onegrid.shared.geo.Position;

/** A patrol's distance and the share of its grid covered, without Spring. */
class TrackTests {

    static final double LAT = 37.45;
    static final double M_LNG = 1 / (111_320 * Math.cos(Math.toRadians(LAT)));
    static final double M_LAT = 1 / 110_574.0;

    /** A square grid of {@code side} metres with its south-west corner at (118.5, 37.45). */
    static Geometry square(double side) {
        double w = side * M_LNG;
        double h = side * M_LAT;
        return new GeometryFactory().createPolygon(new Coordinate[] {
            new Coordinate(118.5, LAT),
            new Coordinate(118.5 + w, LAT),
            new Coordinate(118.5 + w, LAT + h),
            new Coordinate(118.5, LAT + h),
            new Coordinate(118.5, LAT)
        });
    }

    static Position at(double east, double north) {
        return new Position(118.5 + east * M_LNG, LAT + north * M_LAT);
    }

    @Test
    void aWalkAcrossTheMiddleOfASquareGridCoversABandSixtyMetresWide() {
        Track.Measure m = Track.measure(List.of(at(0, 100), at(100, 100), at(200, 100)), square(200));
        assertThat(m.distanceMetres()).isBetween(198, 202);
        // a 60 m band across a 200 m square (the buffer's round ends lie outside the grid)
        assertThat(m.coveredShare()).isCloseTo(60.0 / 200, within(0.01));
    }

    @Test
    void aWalkThirtyMetresInsideTheEdgeCoversAllButTheCornersAndNoPointsCoverNothing() {
        Track.Measure around =
                Track.measure(List.of(at(30, 30), at(30, 90), at(90, 90), at(90, 30), at(30, 30)), square(120));
        // everything but the grid's four corners, each 30 × 30 m less the quarter circle the buffer rounds into it
        double corners = 4 * (30 * 30 - Math.PI * 30 * 30 / 4);
        assertThat(around.coveredShare()).isCloseTo(1 - corners / (120 * 120), within(0.005));
        assertThat(Track.measure(List.of(), square(120)).coveredShare()).isZero();
        assertThat(Track.measure(List.of(at(60, 60)), square(120)).distanceMetres())
                .isZero();
    }
}
