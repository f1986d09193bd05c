package org.onegrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The items every report reads, kept in memory: read once, read again after a change or when too old. */
class ItemCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final ItemCache cache = new ItemCache(Duration.ofSeconds(30), nanos::get);
    final List<String> reads = new ArrayList<>();

    static CatalogItemView item(String code, int version) {
        return new CatalogItemView(
                code,
                "油烟扰民",
                "CSGL",
                "城市管理",
                "",
                List.of("chengguan"),
                HandlingLevel.TOWN,
                StageLimit.workingHours(2),
                StageLimit.workingHours(40),
                StageLimit.workingHours(8),
                false,
                false,
                false,
                List.of(),
                List.of(),
                true,
                true,
                version);
    }

    Function<String, Optional<CatalogItemView>> stored(int version) {
        return code -> {
            reads.add(code);
            return Optional.of(item(code, version));
        };
    }

    @Test
    void anItemIsReadOnceAndThenAnsweredFromMemory() {
        cache.item("CSGL-004", stored(1));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());

        assertThat(cache.item("CSGL-004", stored(2)))
                .map(CatalogItemView::version)
                .hasValue(1);
        assertThat(reads).containsExactly("CSGL-004");
    }

    @Test
    void afterAChangeTheItemIsReadAgain() {
        cache.item("CSGL-004", stored(1));
        cache.on(new CatalogItemChanged("CSGL-004", 2));
        assertThat(cache.item("CSGL-004", stored(2)))
                .map(CatalogItemView::version)
                .hasValue(2);

        cache.on(new CatalogCategoryChanged("CSGL"));
        assertThat(cache.item("CSGL-004", stored(3)))
                .map(CatalogItemView::version)
                .hasValue(3);
        assertThat(reads).hasSize(3);
    }

    @Test
    void whatWasReadWhileAChangeCommittedIsNotKept() {
        Function<String, Optional<CatalogItemView>> overtaken = code -> {
            Optional<CatalogItemView> before = Optional.of(item(code, 1));
            cache.on(new CatalogItemChanged(code, 2));
            return before;
        };
        assertThat(cache.item("CSGL-004", overtaken))
                .map(CatalogItemView::version)
                .hasValue(1);

        assertThat(cache.item("CSGL-004", stored(2)))
                .map(CatalogItemView::version)
                .hasValue(2);
    }

    @Test
    void aCopyOlderThanTheExpiryIsReadAgainSoThatOtherNodesChangesArrive() {
        cache.item("CSGL-004", stored(1));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(cache.item("CSGL-004", stored(2)))
                .map(CatalogItemView::version)
                .hasValue(2);
        assertThat(cache.item("CSGL-004", stored(3)))
                .map(CatalogItemView::version)
                .hasValue(2);
    }

    @Test
    void anItemNotFoundIsAskedForAgainAsItMayBeCreatedMeanwhile() {
        assertThat(cache.item("T-NEW", code -> {
                    reads.add(code);
                    return Optional.empty();
                }))
                .isEmpty();

        assertThat(cache.item("T-NEW", stored(1))).isPresent();
        assertThat(reads).containsExactly("T-NEW", "T-NEW");
    }
}
