package org.onegrid.suggest;

import java.util.Optional;
import org.onegrid.suggest.model.TextModel;
import org.onegrid.suggest.persistence.SuggestRows;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The model in use on this node, read from the database once and again whenever another node promoted a newer one
 * (checked every {@code onegrid.suggest.refresh}, a minute by default).
 */
@Component
class ModelHolder {

    /** A model and its version; version 0 for one trained on this node and not stored. */
    record Current(int version, TextModel model) {}

    private final SuggestRows rows;
    private volatile Current current;

    ModelHolder(SuggestRows rows) {
        this.rows = rows;
    }

    /** The model in use, as held or as stored; empty before the first model was promoted. */
    Optional<Current> stored() {
        Current held = current;
        if (held != null && held.version() > 0) {
            return Optional.of(held);
        }
        Optional<Current> read = rows.current().map(s -> new Current(s.version(), TextModel.fromBytes(s.weights())));
        read.ifPresent(r -> current = r);
        return read;
    }

    /** The model held, if any. */
    Optional<Current> held() {
        return Optional.ofNullable(current);
    }

    /** Uses {@code model} from now on, or once the transaction that stored it commits. */
    void use(int version, TextModel model) {
        Current next = new Current(version, model);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    current = next;
                }
            });
        } else {
            current = next;
        }
    }

    @Scheduled(
            fixedDelayString = "${onegrid.suggest.refresh:PT1M}",
            initialDelayString = "${onegrid.suggest.refresh:PT1M}")
    void refresh() {
        Current held = current;
        if (held == null) {
            return;
        }
        rows.currentVersion().filter(v -> v != held.version()).ifPresent(v -> {
            current = null;
            stored();
        });
    }
}
