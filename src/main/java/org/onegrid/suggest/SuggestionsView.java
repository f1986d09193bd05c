package org.onegrid.suggest;

import java.util.List;

/**
 * The likeliest items for a text, likeliest first, and the version of the model that said so.
 */
public record SuggestionsView(List<Suggestion> suggestions, int modelVersion) {

    public SuggestionsView {
        suggestions = List.copyOf(suggestions);
    }
}
