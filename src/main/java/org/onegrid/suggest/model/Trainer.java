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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Trains a {@link TextModel}: liblinear's L2-regularised logistic regression (dual coordinate descent), one binary
 * problem per item against all others, the items' problems spread over the available processors. Features seen in
 * fewer than {@code minCount} texts are dropped when there are many texts, and at most {@code maxFeatures} of the most
 * frequent are kept, so that the model stays small (a few megabytes) and fast. Each item's problem sees all its own
 * texts and at most {@code maxNegatives} of the others (a sample, its intercept corrected).
 *
 * @param cost liblinear's C: how much a misclassified training text costs against the weights' size
 * @param epsilon liblinear's stopping tolerance: how exactly each item's problem is solved
 * @param threads how many items are trained at once
 */
public record Trainer(double cost, double epsilon, int threads, int maxFeatures, int maxNegatives) {

    /**
     * What the platform and the benchmark use. Measured on the held-out complaints (docs/PERFORMANCE.md): C = 8 is worth
     * its time (C = 4 loses 2 points of top-1, C = 2 six); a tolerance of 0.5 rather than liblinear's 0.1 takes a
     * quarter less time and answers the same; 6,000 texts of other items an item rather than 12,000 halve the solving
     * and lose at most half a point of top-1.
     */
    public static Trainer standard() {
        return new Trainer(8, 0.5, Math.max(1, Runtime.getRuntime().availableProcessors()), 60_000, 6_000);
    }

    /** This trainer with another {@link #maxNegatives}. */
    public Trainer withMaxNegatives(int negatives) {
        return new Trainer(cost, epsilon, threads, maxFeatures, negatives);
    }

    /** This trainer with another {@link #cost} and {@link #epsilon}. */
    public Trainer withSolver(double c, double eps) {
        return new Trainer(c, eps, threads, maxFeatures, maxNegatives);
    }

    /** How many texts are featurised at once. */
    private static final int CHUNK = 10_000;

    static {
        Linear.disableDebugOutput();
    }

    /**
     * A model from these examples.
     *
     * @throws IllegalArgumentException if fewer than two items are among them
     */
    public TextModel train(List<Example> examples) {
        return trainMeasured(examples).model();
    }

    /**
     * A model and where the time of training it went.
     *
     * @param texts the examples trained on
     * @param distinctTexts how many different texts among them, each featurised once
     * @param featureMillis wall time spent turning texts into features and vectors
     * @param solveMillis wall time spent solving the items' problems
     */
    public record Trained(TextModel model, int texts, int distinctTexts, long featureMillis, long solveMillis) {}

    /** As {@link #train}, with the time each part took. */
    public Trained trainMeasured(List<Example> examples) {
        long started = System.nanoTime();
        List<String> labels =
                examples.stream().map(Example::itemCode).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("Training needs examples of at least two items, not " + labels.size());
        }
        // Each distinct text is featurised once (a city's examples repeat the same words, and its own examples count
        // several times), in parallel chunks, straight into ids, so that 100,000 texts need tens of megabytes rather
        // than gigabytes of strings.
        Map<String, Integer> distinct = new HashMap<>();
        List<String> unique = new ArrayList<>();
        for (Example e : examples) {
            distinct.computeIfAbsent(e.text(), k -> {
                unique.add(k);
                return unique.size() - 1;
            });
        }
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<int[]> docs = new ArrayList<>(unique.size());
        int[] counts = new int[1024];
        for (int from = 0; from < unique.size(); from += CHUNK) {
            List<Set<String>> chunk = unique.subList(from, Math.min(unique.size(), from + CHUNK)).parallelStream()
                    .map(Features::of)
                    .toList();
            for (Set<String> doc : chunk) {
                int[] found = new int[doc.size()];
                int j = 0;
                for (String f : doc) {
                    Integer id = ids.get(f);
                    if (id == null) {
                        id = names.size();
                        ids.put(f, id);
                        names.add(f);
                        if (id >= counts.length) {
                            counts = Arrays.copyOf(counts, counts.length * 2);
                        }
                    }
                    counts[id]++;
                    found[j++] = id;
                }
                docs.add(found);
            }
        }
        int minCount = unique.size() >= 20_000 ? 2 : 1;
        int[] finalCounts = counts;
        Integer[] order = IntStream.range(0, names.size())
                .filter(i -> finalCounts[i] >= minCount)
                .boxed()
                .sorted((a, b) -> finalCounts[a] != finalCounts[b]
                        ? Integer.compare(finalCounts[b], finalCounts[a])
                        : names.get(a).compareTo(names.get(b)))
                .limit(maxFeatures)
                .toArray(Integer[]::new);
        int[] remap = new int[names.size()];
        Arrays.fill(remap, -1);
        String[] vocabulary = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            remap[order[i]] = i;
            vocabulary[i] = names.get(order[i]);
        }
        int n = vocabulary.length;
        Feature[][] vectors =
                docs.parallelStream().map(d -> vector(d, remap, n)).toArray(Feature[][]::new);
        Feature[][] x = new Feature[examples.size()][];
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            labelIndex.put(labels.get(k), k);
        }
        int[] y = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            x[i] = vectors[distinct.get(examples.get(i).text())];
            y[i] = labelIndex.get(examples.get(i).itemCode());
        }
        long featured = System.nanoTime();
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
        long solved = System.nanoTime();
        return new Trained(
                new TextModel(labels.toArray(String[]::new), vocabulary, weights),
                examples.size(),
                unique.size(),
                (featured - started) / 1_000_000,
                (solved - featured) / 1_000_000);
    }

    private void trainOne(Feature[][] x, int[] y, int label, int n, int classes, float[] weights) {
        // Past maxNegatives texts of other items, a sample of them stands for all (case-control sampling): every item's
        // problem stays small however many incidents the city has labelled, and the intercept is corrected by the
        // log of the share sampled, so the model's odds are those of all the texts (King and Zeng, 2001).
        int positives = 0;
        for (int v : y) {
            if (v == label) {
                positives++;
            }
        }
        int negatives = y.length - positives;
        double share = negatives <= maxNegatives ? 1 : (double) maxNegatives / negatives;
        java.util.Random random = new java.util.Random(31L * label + 17);
        List<Feature[]> rows = new ArrayList<>();
        List<Double> signs = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == label) {
                rows.add(x[i]);
                signs.add(1.0);
            } else if (share == 1 || random.nextDouble() < share) {
                rows.add(x[i]);
                signs.add(-1.0);
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = n + 1;
        problem.x = rows.toArray(Feature[][]::new);
        problem.bias = 1;
        problem.y = signs.stream().mapToDouble(Double::doubleValue).toArray();
        Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, cost, epsilon);
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // liblinear's binary model scores its first label; the labels are in the order first seen
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        for (int f = 0; f <= n; f++) {
            weights[f * classes + label] = (float) (sign * w[f]);
        }
        weights[n * classes + label] += (float) Math.log(share);
    }

    /** Binary features scaled to unit length, indices ascending and from 1, the bias node last. */
    private static Feature[] vector(int[] doc, int[] remap, int n) {
        int[] kept = Arrays.stream(doc)
                .map(i -> remap[i])
                .filter(i -> i >= 0)
                .sorted()
                .toArray();
        double value = kept.length == 0 ? 0 : 1 / Math.sqrt(kept.length);
        Feature[] out = new Feature[kept.length + 1];
        for (int j = 0; j < kept.length; j++) {
            out[j] = new FeatureNode(kept[j] + 1, value);
        }
        out[kept.length] = new FeatureNode(n + 1, 1);
        return out;
    }
}
