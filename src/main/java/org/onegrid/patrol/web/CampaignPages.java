package org.onegrid.patrol.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.onegrid.patrol.Campaigns;
import org.onegrid.patrol.OrderCampaign;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 摸排行动: the campaigns of the caller's region, ordering one, and a campaign's progress with drill-down. */
@Controller
@PreAuthorize("hasAnyRole('CENTRE_DISPATCHER','LEADER','ADMIN')")
class CampaignPages {

    private final Campaigns campaigns;

    CampaignPages(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/patrol/campaigns")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("campaigns", campaigns.list(me));
        return "patrol/campaigns";
    }

    @PostMapping("/patrol/campaigns")
    String order(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) Integer targetShare,
            @RequestParam(required = false) String questions,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        List<String> asked = questions == null
                ? List.of()
                : Arrays.stream(questions.split("\\R"))
                        .map(String::strip)
                        .filter(q -> !q.isEmpty())
                        .toList();
        try {
            long id = campaigns.order(new OrderCampaign(name, null, startsOn, endsOn, targetShare, asked), me);
            return "redirect:/patrol/campaigns/" + id;
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            Object errors = e.getBody().getProperties() == null
                    ? null
                    : e.getBody().getProperties().get("errors");
            redirect.addFlashAttribute(
                    "refused",
                    errors != null
                            ? errors
                            : List.of(java.util.Map.of("message", e.getBody().getDetail())));
            return "redirect:/patrol/campaigns";
        }
    }

    @GetMapping("/patrol/campaigns/{id}")
    String progress(
            @PathVariable long id,
            @RequestParam(required = false) String region,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        model.addAttribute("c", campaigns.progress(id, region, me));
        return "patrol/campaign";
    }
}
