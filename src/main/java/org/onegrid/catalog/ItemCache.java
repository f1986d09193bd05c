package org.onegrid.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Catalog items by code as last read, since every report and every action that reads an item's terms asks for one.
 * Emptied once a change of an item or a category commits on this node (a category's name and whether it is offered
 * are part of its items' views); other nodes read an item again when their copy is older than {@code
 * onegrid.catalog.item-cache-expiry}. Items not found are not kept: an item created meanwhile is found at once.
 */
@Component
class ItemCache {

    private record Entry(CatalogItemView item, long readAt) {}

    private final Map<String, Entry> items = new ConcurrentHashMap<>();
    /** Rises with every change, so that a read that a change overtook is not kept. */
    private final AtomicLong changes = new AtomicLong();

    private final long expiryNanos;
    private final LongSupplier nanoTime;

    @Autowired
    ItemCache(@Value("${onegrid.catalog.item-cache-expiry:30s}") Duration expiry) {
        this(expiry, System::nanoTime);
    }

    ItemCache(Duration expiry, LongSupplier nanoTime) {
        this.expiryNanos = expiry.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The item as cached, or as {@code read} finds it now. */
    Optional<CatalogItemView> item(String code, Function<String, Optional<CatalogItemView>> read) {
        long now = nanoTime.getAsLong();
        Entry cached = items.get(code);
        if (cached != null && now - cached.readAt() < expiryNanos) {
            return Optional.of(cached.item());
        }
        long changesBefore = changes.get();
        Optional<CatalogItemView> found = read.apply(code);
        if (found.isPresent()) {
            Entry entry = new Entry(found.get(), now);
            items.put(code, entry);
            // A change that committed while we read may not be in what we read: forget it again. A change after
            // this check empties the cache itself.
            if (changes.get() != changesBefore) {
                items.remove(code, entry);
            }
        }
        return found;
    }

    /** Forgets every item; next reads go to the database. */
    void clear() {
        changes.incrementAndGet();
        items.clear();
    }

    /** After commit, so that the next read finds the change. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogItemChanged event) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogCategoryChanged event) {
        clear();
    }
}
