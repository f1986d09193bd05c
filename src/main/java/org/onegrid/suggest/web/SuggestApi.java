package org.onegrid.suggest.web;

import org.onegrid.staff.StaffPrincipal;
import org.onegrid.suggest.ModelReport;
import org.onegrid.suggest.Suggestions;
import org.onegrid.suggest.SuggestionsView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 智能分拨 over HTTP: anyone signed in asks which items a text means; administrators see and retrain the model. */
@RestController
class SuggestApi {

    /** What is wrong, in the reporter's words; where, optionally. */
    record SuggestRequest(String text, Double longitude, Double latitude) {}

    private final Suggestions suggestions;

    SuggestApi(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** The three likeliest active items, likeliest first, with the version of the model that said so. */
    @PostMapping("/api/v1/catalog/suggest")
    SuggestionsView suggest(@RequestBody(required = false) SuggestRequest request) {
        SuggestRequest r = request == null ? new SuggestRequest(null, null, null) : request;
        return suggestions.suggest(r.text(), r.longitude(), r.latitude());
    }

    @GetMapping("/api/v1/catalog/suggest/models")
    @PreAuthorize("hasRole('ADMIN')")
    ModelReport models(@AuthenticationPrincipal StaffPrincipal me) {
        return suggestions.report(me);
    }

    /** Trains a model now; it is promoted if it does no worse on the city's held-out incidents. */
    @PostMapping("/api/v1/catalog/suggest/models")
    @PreAuthorize("hasRole('ADMIN')")
    ModelReport.ModelView retrain(@AuthenticationPrincipal StaffPrincipal me) {
        return suggestions.retrain(me);
    }
}
