package org.onegrid.suggest.model;

/**
 * An item the model thinks a text may mean.
 *
 * @param itemCode the catalog item code
 * @param confidence in [0, 1]; the confidences of all items sum to 1
 */
public record Scored(String itemCode, double confidence) {}
