package org.onegrid.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.suggest.model.CatalogExamples;
import org.onegrid.suggest.model.Corpus;
import org.onegrid.suggest.model.Example;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What every model learns from before the city's own examples: the catalog's words for each item (its name, the
 * category and name together, its description, each keyword) and the shipped corpus of resident-worded complaints,
 * every {@code *.tsv} under {@code onegrid.suggest.corpus}.
 */
@Component
class TrainingData {

    private final Catalog catalog;
    private final String corpusLocation;

    TrainingData(Catalog catalog, @Value("${onegrid.suggest.corpus:classpath*:suggest/corpus/*.tsv}") String corpus) {
        this.catalog = catalog;
        this.corpusLocation = corpus;
    }

    /** The catalog's examples, of every item offered or not (a model outlives an item's deactivation). */
    List<Example> catalog() {
        List<Example> out = new ArrayList<>();
        for (CatalogItemView item : catalog.items(null, true)) {
            out.addAll(CatalogExamples.of(
                    item.code(), item.categoryName(), item.name(), item.description(), item.keywords()));
        }
        return out;
    }

    /** The corpus's examples of items the catalog has; lines of unknown items are left out. */
    List<Example> corpus() {
        List<Example> out = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(corpusLocation);
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    out.addAll(Corpus.read(in, file.getDescription()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The suggestion corpus " + corpusLocation + " cannot be read", e);
        }
        return out.stream().filter(e -> catalog.item(e.itemCode()).isPresent()).toList();
    }
}
