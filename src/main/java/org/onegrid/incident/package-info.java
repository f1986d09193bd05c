/** The incident loop 闭环: intake, routing, dispatch, handling, verification, escalation, supervision, with a tamper-evident history. */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.onegrid.incident;
