package org.onegrid.incident.web.frontline;

import java.util.List;
import org.onegrid.incident.HistoryView;
import org.onegrid.incident.IncidentView;

/**
 * A form carries the version of the incident it was rendered for; if the incident has moved on since, the action is
 * not attempted and the page shows what happened meanwhile (the history entries after that version).
 */
final class Staleness {

    private Staleness() {}

    /** What happened after {@code seen}; empty when the page was current (or named no version). */
    static List<HistoryView.Entry> since(IncidentView now, Long seen) {
        if (seen == null || seen == now.version()) {
            return List.of();
        }
        return now.history().entries().stream().filter(e -> e.sequence() > seen).toList();
    }
}
