package org.onegrid.worktime;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onegrid.worktime}.
 *
 * @param officeHours office periods of a working day, e.g. {@code 08:30-12:00,13:30-17:30}
 * @param zone where office hours are local time
 */
@ConfigurationProperties("onegrid.worktime")
record WorktimeProperties(
        @DefaultValue(OfficeHours.DEFAULT_SPEC) String officeHours,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
