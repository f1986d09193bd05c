package org.onegrid.staff;

import org.onegrid.region.RegionsImported;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every region has its centre 综治中心: created at start for regions imported before, and after each import.
 * Runs after the region module's demo import ({@code @Order(10)}) and before the staff demo seed.
 */
@Component
@Order(25)
class CentresFollowRegions implements ApplicationRunner {

    private final Organisations organisations;

    CentresFollowRegions(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations.ensureCentres();
    }

    @ApplicationModuleListener
    void on(RegionsImported event) {
        organisations.ensureCentres();
    }
}
