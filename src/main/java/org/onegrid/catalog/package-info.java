/** Catalog 事项清单: the two-level tree of incident types with each type's departments, level, time limits and rules. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"staff", "worktime", "shared"})
package org.onegrid.catalog;
