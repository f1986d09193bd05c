package org.onegrid.suggest.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well a model names the items of texts whose items are known and that it was not trained on.
 *
 * @param examples how many texts were asked
 * @param top1 the share whose item was the first suggestion
 * @param top3 the share whose item was among the first three
 * @param macroF1 the F1 of the first suggestion per item, averaged over the items among the texts
 * @param confusions the most frequent (item, suggested instead) pairs, most frequent first
 */
public record Evaluation(int examples, double top1, double top3, double macroF1, List<Confusion> confusions) {

    /** How many of the most frequent confusions are kept. */
    public static final int CONFUSIONS = 10;

    /**
     * Texts of {@code itemCode} suggested as {@code suggested}, {@code count} times.
     */
    public record Confusion(String itemCode, String suggested, int count) {}

    /** Asks {@code model} about every example. */
    public static Evaluation of(TextModel model, List<Example> heldOut) {
        Set<String> known = new HashSet<>(model.labels());
        int first = 0;
        int three = 0;
        Map<String, int[]> perItem = new HashMap<>(); // true positives, false positives, false negatives
        Map<List<String>, Integer> confused = new HashMap<>();
        for (Example e : heldOut) {
            List<Scored> top = model.top(e.text(), 3, known::contains);
            String predicted = top.isEmpty() ? "" : top.get(0).itemCode();
            if (predicted.equals(e.itemCode())) {
                first++;
                perItem.computeIfAbsent(e.itemCode(), c -> new int[3])[0]++;
            } else {
                perItem.computeIfAbsent(e.itemCode(), c -> new int[3])[2]++;
                perItem.computeIfAbsent(predicted, c -> new int[3])[1]++;
                confused.merge(List.of(e.itemCode(), predicted), 1, Integer::sum);
            }
            if (top.stream().anyMatch(s -> s.itemCode().equals(e.itemCode()))) {
                three++;
            }
        }
        Set<String> gold = new HashSet<>();
        heldOut.forEach(e -> gold.add(e.itemCode()));
        double f1 = 0;
        for (String item : gold) {
            int[] c = perItem.getOrDefault(item, new int[3]);
            double denominator = 2.0 * c[0] + c[1] + c[2];
            f1 += denominator == 0 ? 0 : 2.0 * c[0] / denominator;
        }
        List<Confusion> confusions = new ArrayList<>();
        confused.forEach((pair, count) -> confusions.add(new Confusion(pair.get(0), pair.get(1), count)));
        confusions.sort(Comparator.comparingInt(Confusion::count)
                .reversed()
                .thenComparing(Confusion::itemCode)
                .thenComparing(Confusion::suggested));
        int n = heldOut.size();
        return new Evaluation(
                n,
                n == 0 ? 0 : (double) first / n,
                n == 0 ? 0 : (double) three / n,
                gold.isEmpty() ? 0 : f1 / gold.size(),
                List.copyOf(confusions.subList(0, Math.min(CONFUSIONS, confusions.size()))));
    }
}
