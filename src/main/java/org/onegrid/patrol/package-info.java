/**
 * Visits 入户走访, revisits and coverage (村不漏户、户不漏人): a grid worker's visits to the households of their
 * grids, recorded at the door, with problems found reported into the incident loop and changes found confirmed by the
 * village centre. The public API is {@link org.onegrid.patrol.PatrolApi}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Visits and patrols",
        allowedDependencies = {
            "registry",
            "registry :: domain",
            "incident",
            "casework",
            "casework :: attach",
            "region",
            "staff",
            "shared"
        })
package org.onegrid.patrol;
