package org.onegrid.bench.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.onegrid.suggest.model.Evaluation;
import org.onegrid.suggest.model.Example;
import org.onegrid.suggest.model.TextModel;
import org.onegrid.suggest.model.Trainer;
import org.onegrid.suggest.model.TrainingSet;

/**
 * 智能分拨's honest figures (bench/suggest): trains on the training data only — the catalog's words and the shipped
 * corpus — and reports top-1, top-3 and macro-F1 on the held-out complaints, which it never trains on; then the
 * latency of one suggestion in this process; then the training time on the corpus plus 100,000 synthetic labelled
 * incidents.
 *
 * <p>The incidents are trained on as the platform trains on a city's labelled incidents ({@link TrainingSet}): a
 * class-balanced sample of at most so many an item, each counted {@link TrainingSet#CITY_WEIGHT} times.
 *
 * <p>Arguments: {@code [held-out.tsv] [synthetic incidents] [incidents an item] [texts of other items per item's
 * problem]}; the held-out set defaults to the benchmarks' own {@code suggest/heldout.tsv} ({@code -} for it), the
 * synthetic incidents to 100,000, the sample an item to the platform's {@link TrainingSet#PER_ITEM} (0: all of them),
 * the sample of other items' texts to the platform's ({@link Trainer#standard()}).
 */
public final class SuggestBench {

    public static void main(String[] args) {
        String heldOutPath = args.length > 0 && !args[0].isBlank() && !args[0].equals("-") ? args[0] : null;
        int synthetic = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int perItem = args.length > 2 ? Integer.parseInt(args[2]) : TrainingSet.PER_ITEM;
        Trainer trainer =
                args.length > 3 ? Trainer.standard().withMaxNegatives(Integer.parseInt(args[3])) : Trainer.standard();
        int cores = Runtime.getRuntime().availableProcessors();

        List<Example> catalog = SuggestData.catalog();
        List<Example> corpus = SuggestData.corpus();
        List<Example> training = new ArrayList<>(catalog);
        training.addAll(corpus);
        List<Example> heldOut = SuggestData.heldOut(heldOutPath);
        long items = training.stream().map(Example::itemCode).distinct().count();
        System.out.printf(
                "Training data: %d catalog examples + %d corpus texts, %d items; held out: %d texts (%s)%n",
                catalog.size(),
                corpus.size(),
                items,
                heldOut.size(),
                heldOutPath == null ? SuggestData.HELD_OUT : heldOutPath);

        long t0 = System.nanoTime();
        long c0 = cpu();
        TextModel model = trainer.train(training);
        System.out.printf(
                Locale.ROOT,
                "Trained on the training data in %.1f s, %.1f s of CPU (%d features, %d cores; the first training"
                        + " loads HanLP's dictionaries)%n",
                (System.nanoTime() - t0) / 1e9,
                (cpu() - c0) / 1e9,
                model.featureCount(),
                cores);

        if (heldOut.isEmpty()) {
            System.out.println("No held-out set: accuracy not measured");
        } else {
            Evaluation e = Evaluation.of(model, heldOut);
            System.out.printf(
                    Locale.ROOT,
                    "Held-out accuracy: top-1 %.1f %%, top-3 %.1f %%, macro-F1 %.3f over %d texts%n",
                    100 * e.top1(),
                    100 * e.top3(),
                    e.macroF1(),
                    e.examples());
            System.out.println("Most confused (item -> suggested instead, times):");
            e.confusions().forEach(c -> System.out.printf("  %s -> %s  %d%n", c.itemCode(), c.suggested(), c.count()));
        }

        List<String> texts = new ArrayList<>();
        (heldOut.isEmpty() ? corpus.isEmpty() ? catalog : corpus : heldOut).forEach(e -> texts.add(e.text()));
        latency(model, texts);

        List<Example> incidents = SuggestData.synthetic(training, synthetic, 20261203);
        System.gc();
        long t1 = System.nanoTime();
        long c1 = cpu();
        List<Example> withIncidents = TrainingSet.of(training, incidents, perItem, TrainingSet.CITY_WEIGHT);
        Trainer.Trained trained = trainer.trainMeasured(withIncidents);
        TextModel big = trained.model();
        double seconds = (System.nanoTime() - t1) / 1e9;
        double cpuSeconds = (cpu() - c1) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Trained on the training data + %,d synthetic labelled incidents in %.1f s on %d cores, %.1f s of CPU"
                        + " (%s an item, each %d times: %,d texts, %,d distinct; featurising %.1f s, solving %.1f s;"
                        + " %d features, at most %,d texts of other items per item)%n",
                synthetic,
                seconds,
                cores,
                cpuSeconds,
                perItem > 0 ? "at most " + perItem : "all",
                TrainingSet.CITY_WEIGHT,
                trained.texts(),
                trained.distinctTexts(),
                trained.featureMillis() / 1e3,
                trained.solveMillis() / 1e3,
                big.featureCount(),
                trainer.maxNegatives());
        System.out.printf(
                Locale.ROOT,
                "  (the machine's load average meanwhile: %.1f; on %d otherwise idle cores the CPU time above takes"
                        + " about %.1f s)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                cores,
                cpuSeconds / cores);
        if (!heldOut.isEmpty()) {
            Evaluation e = Evaluation.of(big, heldOut);
            System.out.printf(
                    Locale.ROOT,
                    "The same held-out texts with that model: top-1 %.1f %%, top-3 %.1f %%%n",
                    100 * e.top1(),
                    100 * e.top3());
        }
    }

    /** The CPU time this process has used, in nanoseconds, on all its threads. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One suggestion after another on one thread: the distribution of single suggestions, and how many a second. */
    private static void latency(TextModel model, List<String> texts) {
        for (int i = 0; i < 20_000; i++) {
            model.top(texts.get(i % texts.size()), 3, c -> true);
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        int n = Math.max(50_000, texts.size());
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            model.top(texts.get(i % texts.size()), 3, c -> true);
            h.recordValue(System.nanoTime() - t);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "One suggestion, one thread, %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.0f suggestions/s%n",
                n,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6,
                n / seconds);
    }
}
