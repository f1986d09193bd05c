package org.onegrid.suggest.web;

import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.suggest.Suggestions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration page of smart dispatch (/admin/suggest): the model in use with its top-1 and top-3 accuracy on
 * the city's held-out incidents, the latest trainings, the item pairs it confuses most, the corrections that taught
 * it, and a button to train now.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SuggestAdminPage {

    private final Suggestions suggestions;

    SuggestAdminPage(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/admin/suggest")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("report", suggestions.report(me));
        model.addAttribute("zone", CityTime.ZONE);
        return "admin/suggest";
    }

    @PostMapping("/admin/suggest/train")
    String train(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            var trained = suggestions.retrain(me);
            redirect.addFlashAttribute("trained", trained.version());
            redirect.addFlashAttribute("promoted", trained.promoted());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/admin/suggest";
    }
}
