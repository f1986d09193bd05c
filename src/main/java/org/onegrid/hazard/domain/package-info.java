/**
 * Screening plans, screening tasks, hazards and task ledgers as aggregates with guarded actions, free of Spring:
 * each action checks the state and the actor's right, refuses with every reason at once ({@link
 * org.onegrid.hazard.domain.Refused}) and otherwise produces one history step.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.onegrid.hazard.domain;
