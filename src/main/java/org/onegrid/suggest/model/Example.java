package org.onegrid.suggest.model;

import java.util.Objects;

/**
 * A text labelled with the catalog item it means.
 *
 * @param itemCode the catalog item (小类) code
 * @param text what was written, as worded by whoever wrote it
 */
public record Example(String itemCode, String text) {

    public Example {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(text, "text");
    }
}
