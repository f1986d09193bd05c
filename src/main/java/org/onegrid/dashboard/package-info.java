/** The command dashboard 一屏指挥: KPIs, map, trends and rankings of incidents, from a read model of its own. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Command dashboard",
        allowedDependencies = {"incident", "region", "staff", "catalog", "worktime", "patrol", "shared"})
package org.onegrid.dashboard;
