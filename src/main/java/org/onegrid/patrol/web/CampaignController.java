package org.onegrid.patrol.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.onegrid.patrol.CampaignView;
import org.onegrid.patrol.Campaigns;
import org.onegrid.patrol.OrderCampaign;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The campaigns API 摸排行动: order one, list them, read a campaign's progress in a region, answer its form. */
@RestController
@RequestMapping("/api/v1/patrol/campaigns")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    ResponseEntity<CampaignView> order(@RequestBody OrderCampaign c, @AuthenticationPrincipal StaffPrincipal me) {
        long id = campaigns.order(c, me);
        return ResponseEntity.created(URI.create("/api/v1/patrol/campaigns/" + id))
                .body(campaigns.progress(id, null, me));
    }

    @GetMapping
    List<CampaignView> list(@AuthenticationPrincipal StaffPrincipal me) {
        return campaigns.list(me);
    }

    @GetMapping("/{id}")
    CampaignView progress(
            @PathVariable long id,
            @RequestParam(required = false) String region,
            @AuthenticationPrincipal StaffPrincipal me) {
        return campaigns.progress(id, region, me);
    }

    record Answers(UUID visitId, List<String> answers) {}

    @PostMapping("/{id}/answers")
    ResponseEntity<Void> answer(
            @PathVariable long id, @RequestBody Answers a, @AuthenticationPrincipal StaffPrincipal me) {
        campaigns.answer(id, a.visitId(), a.answers(), me);
        return ResponseEntity.noContent().build();
    }
}
