package org.onegrid.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.suggest.model.Evaluation;
import org.onegrid.suggest.model.Features;
import org.onegrid.suggest.model.Scored;
import org.onegrid.suggest.model.Trainer;
import org.onegrid.suggest.persistence.SuggestRows;
import org.onegrid.suggest.persistence.SuggestRows.ModelRow;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smart dispatch 智能分拨: the catalog items a complaint's text most likely means, for anyone signed in and for intake
 * (a report without an item is routed by the first suggestion), and the labelled examples it learns from.
 *
 * <p>The position a report comes with is accepted and not used: the shipped corpus has none, and a city's own
 * examples are too few to learn places from before many months of corrections.
 */
@Service
public class Suggestions {

    /** How many items are suggested. */
    public static final int TOP = 3;

    /** The longest text accepted: an incident's description. */
    public static final int MAX_TEXT = 4000;

    private final Catalog catalog;
    private final ModelHolder holder;
    private final Retraining retraining;
    private final TrainingData data;
    private final SuggestRows rows;

    Suggestions(Catalog catalog, ModelHolder holder, Retraining retraining, TrainingData data, SuggestRows rows) {
        this.catalog = catalog;
        this.holder = holder;
        this.retraining = retraining;
        this.data = data;
        this.rows = rows;
    }

    /**
     * The {@value #TOP} likeliest active items for {@code text}, likeliest first.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming the field for a blank or over-long text or a
     *     position off the globe
     */
    public SuggestionsView suggest(String text, Double longitude, Double latitude) {
        if (text == null || text.isBlank()) {
            throw Problems.invalid("text", "text is required: what is wrong, in the reporter's words");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw Problems.invalid("text", "text may have at most " + MAX_TEXT + " characters");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw Problems.invalid("longitude", "longitude must lie between -180 and 180");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw Problems.invalid("latitude", "latitude must lie between -90 and 90");
        }
        ModelHolder.Current current = model();
        List<Suggestion> out = new ArrayList<>(TOP);
        Map<String, CatalogItemView> items = new HashMap<>();
        for (Scored s : current.model().top(text, TOP, code -> activeItem(code, items))) {
            CatalogItemView item = items.get(s.itemCode());
            out.add(new Suggestion(
                    item.code(), item.name(), item.categoryCode(), item.departmentCodes(), s.confidence()));
        }
        return new SuggestionsView(out, current.version());
    }

    /** The likeliest active item for {@code text}; empty for a blank text. */
    public Optional<Suggestion> best(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return suggest(cut, null, null).suggestions().stream().findFirst();
    }

    /**
     * Keeps a confirmation or correction of an incident's item as an example for the next model, its text without
     * personal data.
     */
    @Transactional
    public void learn(LabelIncident label) {
        String text = Features.clean(label.text());
        if (text.isBlank()) {
            return;
        }
        rows.addExample(
                text,
                label.itemCode(),
                label.previousCode(),
                label.incidentId(),
                label.at(),
                label.userId(),
                label.reason());
    }

    /**
     * Trains a model now, as an administrator asked.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for anyone else, 409 while another training runs
     */
    public ModelReport.ModelView retrain(StaffPrincipal actor) {
        requireAdmin(actor);
        return retraining
                .now("管理员 " + actor.displayName())
                .map(Suggestions::view)
                .orElseThrow(() -> Problems.of(HttpStatus.CONFLICT, "training-running", "另一次训练正在进行，请稍后刷新查看结果"));
    }

    /**
     * The model in use, the latest trainings, what it confuses and the corrections that taught it, for administrators.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for anyone else
     */
    @Transactional(readOnly = true)
    public ModelReport report(StaffPrincipal actor) {
        requireAdmin(actor);
        List<ModelRow> models = rows.models(20);
        ModelRow current = models.stream().filter(ModelRow::current).findFirst().orElse(null);
        List<ModelReport.Confused> confused = new ArrayList<>();
        List<ModelReport.Taught> taught = new ArrayList<>();
        if (current != null) {
            for (Evaluation.Confusion c : rows.confusions(current.version())) {
                confused.add(new ModelReport.Confused(
                        c.itemCode(), name(c.itemCode()), c.suggested(), name(c.suggested()), c.count()));
            }
            for (SuggestRows.ExampleRow e : rows.corrections(current.lastExampleId(), 20)) {
                taught.add(new ModelReport.Taught(
                        e.labelledAt(),
                        e.text(),
                        e.previousCode(),
                        name(e.previousCode()),
                        e.itemCode(),
                        name(e.itemCode()),
                        e.reason()));
            }
        }
        return new ModelReport(
                current == null ? null : view(current),
                models.stream().map(Suggestions::view).toList(),
                confused,
                taught);
    }

    /** The model in use; the first one is trained (and stored) when there is none yet. */
    private ModelHolder.Current model() {
        return holder.stored().orElseGet(() -> {
            synchronized (this) {
                return holder.stored()
                        .or(() -> retraining.now("初次训练").flatMap(r -> holder.stored()))
                        .or(holder::held)
                        .orElseGet(this::unstored);
            }
        });
    }

    /** While another node trains the first model: one from the catalog and corpus, held here until that one is in. */
    private ModelHolder.Current unstored() {
        List<org.onegrid.suggest.model.Example> training = new ArrayList<>(data.catalog());
        training.addAll(data.corpus());
        ModelHolder.Current current =
                new ModelHolder.Current(0, Trainer.standard().train(training));
        holder.use(0, current.model());
        return current;
    }

    private boolean activeItem(String code, Map<String, CatalogItemView> seen) {
        Optional<CatalogItemView> item = catalog.item(code).filter(CatalogItemView::active);
        item.ifPresent(i -> seen.put(code, i));
        return item.isPresent();
    }

    private String name(String code) {
        return catalog.item(code).map(CatalogItemView::name).orElse(code);
    }

    private static ModelReport.ModelView view(ModelRow r) {
        return new ModelReport.ModelView(
                r.version(),
                r.trainedAt(),
                r.trainedBy(),
                r.trainingExamples(),
                r.cityExamples(),
                r.heldOut(),
                r.top1(),
                r.top3(),
                r.macroF1(),
                r.previousTop1(),
                r.trainMillis(),
                r.promoted(),
                r.current());
    }

    private static void requireAdmin(StaffPrincipal actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw Problems.forbidden("只有管理员可以查看和训练智能分拨模型");
        }
    }
}
