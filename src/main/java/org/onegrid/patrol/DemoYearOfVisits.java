package org.onegrid.patrol;

import org.onegrid.registry.DemoRegistryImported;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo town's past year of visits, once its synthetic registry is in ({@link DemoRegistryImported}): generated
 * by {@link DemoVisits} through the visit action, as the city's administrator takes the households in. Runs on the
 * thread that imported the registry (in the background at a demo's start, before the tests in the tests), each visit
 * in a transaction of its own, so a visit the rules refuse costs only itself. {@code onegrid.demo.visits.days} sets
 * how far back the visits go (365; 0: none).
 */
@Component
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoYearOfVisits {

    private static final Logger log = LoggerFactory.getLogger(DemoYearOfVisits.class);
    private static final long SEED = 20261204L;

    private final DemoVisits visits;
    private final PatrolApi patrol;
    private final Staff staff;
    private final int days;

    DemoYearOfVisits(
            DemoVisits visits, PatrolApi patrol, Staff staff, @Value("${onegrid.demo.visits.days:365}") int days) {
        this.visits = visits;
        this.patrol = patrol;
        this.staff = staff;
        this.days = days;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(DemoRegistryImported imported) {
        if (days <= 0) {
            return;
        }
        StaffPrincipal admin = staff.findByUsername("admin")
                .flatMap(u -> staff.principal(u.id()))
                .orElse(null);
        if (admin == null) {
            log.warn("Demo visits not generated: the demo city has no admin account");
            return;
        }
        long started = System.nanoTime();
        int recorded = visits.generate(imported.regionPath(), patrol.today().minusDays(days), admin, SEED);
        log.info(
                "Demo visits: {} over the last {} days in {} in {} ms",
                recorded,
                days,
                imported.regionPath(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
