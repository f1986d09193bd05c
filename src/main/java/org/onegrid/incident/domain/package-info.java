/**
 * The incident aggregate 事件 and its rules, free of Spring and of storage: every action of the closed loop (闭环)
 * is a guarded method on {@link org.onegrid.incident.domain.Incident} that either changes nothing and says why
 * ({@link org.onegrid.incident.domain.Decision.Rejected}) or appends one hash-chained
 * {@link org.onegrid.incident.domain.HistoryEntry} and registers one past-tense event.
 */
package org.onegrid.incident.domain;
