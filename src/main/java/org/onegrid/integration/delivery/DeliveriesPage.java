package org.onegrid.integration.delivery;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.onegrid.shared.config.CityTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 对接投递 (admin): every delivery to another system with its state, attempts and last error, filtered by state and
 * receiver, and "retry now" for one that waits for its next attempt.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DeliveriesPage {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CityTime.ZONE);
    static final List<String> STATES = List.of("PENDING", "FAILED", "DELIVERED");
    static final List<String> RECEIVERS = List.of("hotline", "cascade");

    private final Outbox outbox;
    private final DeliverySender sender;
    private final Clock clock = Clock.systemUTC();

    DeliveriesPage(Outbox outbox, DeliverySender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/admin/deliveries")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String receiver,
            @RequestParam(required = false, defaultValue = "0") int page,
            Model model) {
        String s = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        String r = receiver == null || receiver.isBlank() ? null : receiver.strip();
        if (s != null && !STATES.contains(s)) {
            s = null;
        }
        if (r != null && !RECEIVERS.contains(r)) {
            r = null;
        }
        int p = Math.max(0, page);
        long total = outbox.count(s, r);
        model.addAttribute("deliveries", outbox.list(s, r, p, PAGE_SIZE));
        model.addAttribute("state", s);
        model.addAttribute("receiver", r);
        model.addAttribute("states", STATES);
        model.addAttribute("receivers", RECEIVERS);
        model.addAttribute("page", p);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("total", total);
        model.addAttribute("time", TIME);
        model.addAttribute("pending", outbox.count("PENDING", r));
        model.addAttribute("failed", outbox.count("FAILED", r));
        model.addAttribute("delivered", outbox.count("DELIVERED", r));
        return "admin/deliveries";
    }

    @PostMapping("/admin/deliveries/{id}/retry")
    String retry(
            @PathVariable long id,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String receiver,
            RedirectAttributes redirect) {
        boolean due = outbox.retryNow(id, clock.instant());
        if (due) {
            sender.wakeUp();
        }
        redirect.addFlashAttribute(due ? "retried" : "notRetried", id);
        redirect.addAttribute("state", state == null ? "" : state);
        redirect.addAttribute("receiver", receiver == null ? "" : receiver);
        return "redirect:/admin/deliveries";
    }
}
