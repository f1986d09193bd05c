package org.onegrid.suggest.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link TextModel}: liblinear's L2-regularised logistic regression (dual coordinate descent), one binary
 * problem per item against all others, the items' problems spread over the available processors. Features seen in
 * fewer than {@code minCount} texts are dropped when there are many texts, and at most {@code maxFeatures} of the most
 * frequent are kept, so that the model stays small (a few megabytes) and fast.
 *
 * @param cost liblinear's C: how much a misclassified training text costs against the weights' size
 * @param threads how many items are trained at once
 */
public record Trainer(double cost, int threads, int maxFeatures) {

    /** What the platform and the benchmark use. */
    public static Trainer standard() {
        return new Trainer(8, Math.max(1, Runtime.getRuntime().availableProcessors()), 60_000);
    }

    static {
        Linear.disableDebugOutput();
    }

    /**
     * A model from these examples.
     *
     * @throws IllegalArgumentException if fewer than two items are among them
     */
    public TextModel train(List<Example> examples) {
        List<String> labels =
                examples.stream().map(Example::itemCode).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("Training needs examples of at least two items, not " + labels.size());
        }
        List<Set<String>> featured =
                examples.parallelStream().map(e -> Features.of(e.text())).toList();
        Map<String, Integer> counts = new HashMap<>();
        for (Set<String> doc : featured) {
            for (String f : doc) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        int minCount = examples.size() >= 20_000 ? 2 : 1;
        String[] vocabulary = counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxFeatures)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            index.put(vocabulary[i], i);
        }
        Feature[][] x = featured.parallelStream().map(doc -> vector(doc, index)).toArray(Feature[][]::new);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            labelIndex.put(labels.get(k), k);
        }
        int[] y = examples.stream().mapToInt(e -> labelIndex.get(e.itemCode())).toArray();
        int n = vocabulary.length;
        int classes = labels.size();
        float[] weights = new float[(n + 1) * classes];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int label = k;
                work.add(pool.submit(() -> trainOne(x, y, label, n, classes, weights)));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Training was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new TextModel(labels.toArray(String[]::new), vocabulary, weights);
    }

    private void trainOne(Feature[][] x, int[] y, int label, int n, int classes, float[] weights) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = n + 1;
        problem.x = x;
        problem.bias = 1;
        problem.y = Arrays.stream(y).mapToDouble(v -> v == label ? 1 : -1).toArray();
        Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, cost, 0.1);
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // liblinear's binary model scores its first label; the labels are in the order first seen
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        for (int f = 0; f <= n; f++) {
            weights[f * classes + label] = (float) (sign * w[f]);
        }
    }

    /** Binary features scaled to unit length, indices ascending and from 1, the bias node last. */
    private static Feature[] vector(Set<String> doc, Map<String, Integer> index) {
        TreeSet<Integer> found = new TreeSet<>();
        for (String f : doc) {
            Integer i = index.get(f);
            if (i != null) {
                found.add(i);
            }
        }
        double value = found.isEmpty() ? 0 : 1 / Math.sqrt(found.size());
        Feature[] out = new Feature[found.size() + 1];
        int j = 0;
        for (int i : found) {
            out[j++] = new FeatureNode(i + 1, value);
        }
        out[j] = new FeatureNode(index.size() + 1, 1);
        return out;
    }
}
