package org.onegrid.shared.config;

import java.time.ZoneId;

/** The time zone the city lives in: its days, working hours and deadlines are counted in it (China Standard Time). */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityTime() {}
}
