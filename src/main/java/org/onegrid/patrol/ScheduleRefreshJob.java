package org.onegrid.patrol;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.config.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, town by town, the visit schedules follow the registry ({@link PatrolApi#refreshSchedules}): a household
 * whose members' tags changed during the day has its next visit at its new interval tomorrow morning, even if no
 * grid worker opened their list in between. On one application node at a time (ShedLock). {@code
 * onegrid.patrol.refresh-cron} changes the time (03:40 city time); {@code -} switches it off.
 */
@Component
class ScheduleRefreshJob {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRefreshJob.class);

    private final PatrolApi patrol;
    private final Regions regions;

    ScheduleRefreshJob(PatrolApi patrol, Regions regions) {
        this.patrol = patrol;
        this.regions = regions;
    }

    @Scheduled(cron = "${onegrid.patrol.refresh-cron:0 40 3 * * *}", zone = CityTime.ZONE_ID)
    @SchedulerLock(name = "patrol-schedule-refresh", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void run() {
        long started = System.nanoTime();
        int households = 0;
        for (RegionView town : regions.byLevel(RegionLevel.TOWN)) {
            households += patrol.refreshSchedules(town.path());
        }
        log.info(
                "Visit schedules refreshed: {} households in {} ms",
                households,
                (System.nanoTime() - started) / 1_000_000);
    }
}
