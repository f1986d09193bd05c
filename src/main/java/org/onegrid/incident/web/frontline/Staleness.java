package org.onegrid.incident.web.frontline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.onegrid.incident.HistoryView;
import org.onegrid.incident.IncidentView;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    /**
     * Acts on a version-guarded form: if the incident moved on since the page was rendered, the page again with what
     * changed; if the incident module refuses, the page again with the refusal and what was typed; otherwise {@code
     * done} as a flash message and a redirect to {@code target}.
     */
    static String act(
            IncidentView now,
            Long version,
            String form,
            Map<String, String> values,
            Model model,
            RedirectAttributes redirect,
            String done,
            String target,
            Supplier<IncidentView> action,
            Supplier<IncidentView> reload,
            Function<IncidentView, String> page) {
        List<HistoryView.Entry> changes = since(now, version);
        if (!changes.isEmpty()) {
            model.addAttribute("changes", changes);
            model.addAttribute("form", form);
            model.addAttribute("values", values);
            return page.apply(now);
        }
        try {
            action.get();
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            model.addAttribute("refusal", Refusal.of(e));
            model.addAttribute("form", form);
            model.addAttribute("values", values);
            return page.apply(reload.get());
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:" + target;
    }
}
