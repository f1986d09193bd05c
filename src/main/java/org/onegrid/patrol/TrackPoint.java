package org.onegrid.patrol;

import java.time.Instant;

/** A position of a patrol as the phone took it (WGS 84), with its time. */
public record TrackPoint(Instant at, Double lng, Double lat) {}
