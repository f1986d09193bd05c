package org.onegrid.suggest.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model is trained on: the catalog's words and the shipped corpus, and a bounded, class-balanced sample of the
 * city's own labelled examples, each counted {@code cityWeight} times (they are this city's own words and its own way
 * of sorting, which the corpus can only approximate).
 *
 * <p>The sample keeps at most {@code perItem} examples of each item: a city that has confirmed its hundred-thousandth
 * incident teaches the model its wordings with a few hundred of each item about as well as with all of them (see
 * docs/PERFORMANCE.md), and training stays well within a minute however long the city has been labelling; the rare
 * items keep every example they have.
 */
public final class TrainingSet {

    /** How many of the city's examples of one item are learnt from, at most, unless configured otherwise. */
    public static final int PER_ITEM = 300;

    /** How many times a city example counts, unless configured otherwise. */
    public static final int CITY_WEIGHT = 3;

    private TrainingSet() {}

    /**
     * The training examples: {@code base} (the catalog and the corpus), then the city's sample, each {@code cityWeight}
     * times.
     *
     * @param cityByPreference the city's examples, the most wanted first (a dispatcher's corrections, then the newest)
     */
    public static List<Example> of(List<Example> base, List<Example> cityByPreference, int perItem, int cityWeight) {
        List<Example> out = new ArrayList<>(base);
        for (Example e : balanced(cityByPreference, perItem)) {
            for (int i = 0; i < cityWeight; i++) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The first {@code perItem} examples of each item in {@code byPreference}'s order, in that order; all of them if
     * {@code perItem} is 0 or less.
     */
    public static List<Example> balanced(List<Example> byPreference, int perItem) {
        if (perItem <= 0) {
            return List.copyOf(byPreference);
        }
        Map<String, Integer> taken = new HashMap<>();
        List<Example> out = new ArrayList<>();
        for (Example e : byPreference) {
            if (taken.merge(e.itemCode(), 1, Integer::sum) <= perItem) {
                out.add(e);
            }
        }
        return out;
    }
}
