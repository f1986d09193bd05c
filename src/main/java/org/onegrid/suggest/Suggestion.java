package org.onegrid.suggest;

import java.util.List;

/**
 * An active catalog item a text may mean.
 *
 * @param departmentCodes the item's responsible departments, lead first
 * @param confidence in [0, 1]: the model's share of belief in this item among all items
 */
public record Suggestion(
        String itemCode, String itemName, String categoryCode, List<String> departmentCodes, double confidence) {

    public Suggestion {
        departmentCodes = List.copyOf(departmentCodes);
    }
}
