package org.onegrid.suggest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.onegrid.suggest.model.Evaluation;
import org.onegrid.suggest.model.Example;
import org.onegrid.suggest.model.TextModel;
import org.onegrid.suggest.model.Trainer;
import org.onegrid.suggest.model.TrainingSet;
import org.onegrid.suggest.persistence.SuggestRows;
import org.onegrid.suggest.persistence.SuggestRows.ExampleRow;
import org.onegrid.suggest.persistence.SuggestRows.ModelRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trains a model from the catalog, the corpus and the city's labelled examples, measures it on the held-out part of
 * the city's examples, and promotes it if it does not do worse there than the model in use.
 *
 * <p>Every fifth city example (by its id) is held out once the city has {@value #MIN_FOR_HOLDING_OUT}; below that,
 * all are learnt from and a model is promoted without a measurement, since a handful of examples measures nothing.
 * Of the rest, at most {@code onegrid.suggest.city-per-item} of each item are learnt from (a dispatcher's corrections
 * first, then the newest), each counting {@code onegrid.suggest.city-weight} times ({@link TrainingSet}).
 */
@Component
class Learning {

    static final int MIN_FOR_HOLDING_OUT = 50;

    private static final Logger log = LoggerFactory.getLogger(Learning.class);

    private final TrainingData data;
    private final SuggestRows rows;
    private final ModelHolder holder;
    private final Clock clock;
    private final int cityWeight;
    private final int perItem;

    Learning(
            TrainingData data,
            SuggestRows rows,
            ModelHolder holder,
            Clock clock,
            @Value("${onegrid.suggest.city-weight:" + TrainingSet.CITY_WEIGHT + "}") int cityWeight,
            @Value("${onegrid.suggest.city-per-item:" + TrainingSet.PER_ITEM + "}") int perItem) {
        this.data = data;
        this.rows = rows;
        this.holder = holder;
        this.clock = clock;
        this.cityWeight = cityWeight;
        this.perItem = perItem;
    }

    /**
     * The city's examples, the most wanted first for when an item has more than the sample takes: a dispatcher's
     * corrections (what the model got wrong), newest first, then the confirmations, newest first.
     */
    static List<Example> byPreference(List<ExampleRow> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(ExampleRow::corrected)
                        .thenComparingLong(ExampleRow::id)
                        .reversed())
                .map(SuggestRows::example)
                .toList();
    }

    /** Trains, measures and stores a model; promotes it if it is not worse. Callers hold the training lock. */
    @Transactional
    ModelRow train(String by) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        long last = rows.lastExampleId();
        List<ExampleRow> city = rows.examples(last);
        boolean holdOut = city.size() >= MIN_FOR_HOLDING_OUT;
        List<Example> base = new ArrayList<>(data.catalog());
        base.addAll(data.corpus());
        List<Example> heldOut = new ArrayList<>();
        List<ExampleRow> learnt = new ArrayList<>();
        for (ExampleRow row : city) {
            if (holdOut && row.id() % 5 == 0) {
                heldOut.add(SuggestRows.example(row));
            } else {
                learnt.add(row);
            }
        }
        List<Example> training = TrainingSet.of(base, byPreference(learnt), perItem, cityWeight);
        TextModel model = Trainer.standard().train(training);
        Evaluation evaluation = heldOut.isEmpty() ? null : Evaluation.of(model, heldOut);
        Optional<ModelHolder.Current> current = holder.stored();
        Double previous = evaluation == null || current.isEmpty()
                ? null
                : Evaluation.of(current.get().model(), heldOut).top1();
        boolean promote = previous == null || evaluation.top1() >= previous;
        long millis = (System.nanoTime() - started) / 1_000_000;
        ModelRow row = new ModelRow(
                0,
                now,
                by,
                training.size(),
                city.size(),
                last,
                heldOut.size(),
                evaluation == null ? null : evaluation.top1(),
                evaluation == null ? null : evaluation.top3(),
                evaluation == null ? null : evaluation.macroF1(),
                previous,
                millis,
                promote,
                promote);
        int version = rows.addModel(row, evaluation, model.toBytes());
        if (promote) {
            holder.use(version, model);
        }
        log.info(
                "Suggestion model {} trained by {} from {} examples ({} of the city, {} held out) in {} ms: top-1 {},"
                        + " {}",
                version,
                by,
                training.size(),
                city.size(),
                heldOut.size(),
                millis,
                evaluation == null ? "not measured" : String.format("%.3f", evaluation.top1()),
                promote ? "promoted" : "not promoted: worse than the model in use (" + previous + ")");
        return rows.models(1).get(0);
    }
}
