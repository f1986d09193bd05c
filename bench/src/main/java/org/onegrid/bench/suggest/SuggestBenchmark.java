package org.onegrid.bench.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.onegrid.suggest.model.Example;
import org.onegrid.suggest.model.Scored;
import org.onegrid.suggest.model.TextModel;
import org.onegrid.suggest.model.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One suggestion (智能分拨) in process, on one thread: the time of each (mode {@code SampleTime}, whose p0.99 must stay
 * under 2 ms) and how many a second (mode {@code Throughput}, at least 2,000 on one core), over the held-out
 * complaints (or the corpus while there is no held-out set) with a model trained on the catalog and the corpus.
 */
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
public class SuggestBenchmark {

    private TextModel model;
    private List<String> texts;
    private int next;

    @Setup
    public void setUp() {
        List<Example> training = new ArrayList<>(SuggestData.catalog());
        List<Example> corpus = SuggestData.corpus();
        training.addAll(corpus);
        model = Trainer.standard().train(training);
        List<Example> heldOut = SuggestData.heldOut(null);
        texts = (heldOut.isEmpty() ? corpus.isEmpty() ? training : corpus : heldOut)
                .stream().map(Example::text).toList();
    }

    @Benchmark
    public List<Scored> suggest() {
        return model.top(texts.get(next++ % texts.size()), 3, c -> true);
    }
}
