package org.onegrid.integration.open311;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration page of Open311 clients (/admin/open311): who may post service requests, a form that issues a
 * key (shown once, right after), and revocation.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class Open311AdminPage {

    private final Open311Clients clients;

    Open311AdminPage(Open311Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/admin/open311")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        // plain maps: the page's expressions cannot call into this package's non-public records
        model.addAttribute(
                "clients",
                clients.list(me).stream()
                        .map(c -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("id", c.id());
                            row.put("name", c.name());
                            row.put("contact", c.contact());
                            row.put("keyPrefix", c.keyPrefix());
                            row.put("requestsPerHour", c.requestsPerHour());
                            row.put("lastUsed", c.lastUsedLocal());
                            row.put("revoked", c.revokedAt() != null);
                            return row;
                        })
                        .toList());
        model.addAttribute("defaultPerHour", Open311Clients.DEFAULT_REQUESTS_PER_HOUR);
        return "admin/open311";
    }

    @PostMapping("/admin/open311")
    String issue(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String requestsPerHour,
            Model model,
            RedirectAttributes redirect) {
        try {
            Integer perHour = requestsPerHour.isBlank() ? null : Integer.valueOf(requestsPerHour.strip());
            Open311Clients.IssuedClient issued =
                    clients.issue(new Open311Clients.IssueClient(name, contact, perHour), me);
            redirect.addFlashAttribute("issuedName", issued.client().name());
            redirect.addFlashAttribute("issuedKey", issued.apiKey());
            return "redirect:/admin/open311";
        } catch (NumberFormatException | ErrorResponseException e) {
            model.addAttribute(
                    "error",
                    e instanceof ErrorResponseException refused
                            ? refused.getBody().getDetail()
                            : "requestsPerHour must be a whole number");
            model.addAttribute("name", name);
            model.addAttribute("contact", contact);
            model.addAttribute("requestsPerHour", requestsPerHour);
            return page(me, model);
        }
    }

    @PostMapping("/admin/open311/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            clients.revoke(id, me);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/admin/open311";
    }
}
