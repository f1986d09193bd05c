package org.onegrid.suggest;

import java.time.Instant;
import java.util.List;

/**
 * What the administrator sees of smart dispatch: the model in use, the latest trainings, the items the model in use
 * confuses most, and the corrections that taught it.
 */
public record ModelReport(
        ModelView current, List<ModelView> trainings, List<Confused> confusions, List<Taught> taught) {

    /**
     * A trained model. Accuracies are on the held-out part of the city's labelled incidents and null while the city
     * has too few to hold some out.
     */
    public record ModelView(
            int version,
            Instant trainedAt,
            String trainedBy,
            int trainingExamples,
            int cityExamples,
            int heldOut,
            Double top1,
            Double top3,
            Double macroF1,
            Double previousTop1,
            long trainMillis,
            boolean promoted,
            boolean current) {}

    /** Texts of one item the model suggested as another, {@code count} times among the held-out examples. */
    public record Confused(String itemCode, String itemName, String suggestedCode, String suggestedName, int count) {}

    /** A correction the model in use learnt from. */
    public record Taught(
            Instant at, String text, String fromCode, String fromName, String toCode, String toName, String reason) {}
}
