package org.onegrid.shared.config;

import java.time.ZoneId;

/** The time zone the city lives in: its days, working hours and deadlines are counted in it (China Standard Time). */
public final class CityTime {

    /** The zone's id, for annotations that take a constant: {@code @Scheduled(zone = CityTime.ZONE_ID)}. */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private CityTime() {}
}
