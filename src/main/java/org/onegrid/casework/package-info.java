/**
 * The mechanics every kind of case shares — incidents, disputes, hazards, tasks: the hash-chained history
 * ({@link org.onegrid.casework.HistoryChain}, {@link org.onegrid.casework.CaseHistory}), deadlines and lights in
 * working time ({@code time}), notifications through the outbox ({@code notify}) and photos ({@code attach}). One
 * home for each, so that a reader who knows one case module knows them all.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Case mechanics",
        allowedDependencies = {"worktime", "staff", "shared"})
package org.onegrid.casework;
