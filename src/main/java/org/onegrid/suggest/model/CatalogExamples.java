package org.onegrid.suggest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's own words for an item as training examples: its name, its category and name together, its description
 * and each keyword. They give every item a start before residents' wordings and the city's corrections teach more.
 */
public final class CatalogExamples {

    private CatalogExamples() {}

    public static List<Example> of(
            String code, String categoryName, String name, String description, List<String> keywords) {
        List<Example> out = new ArrayList<>();
        out.add(new Example(code, name));
        out.add(new Example(code, categoryName + " " + name));
        if (description != null && !description.isBlank()) {
            out.add(new Example(code, description));
        }
        for (String keyword : keywords) {
            if (!keyword.isBlank()) {
                out.add(new Example(code, keyword));
            }
        }
        return out;
    }
}
