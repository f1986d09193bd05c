package org.onegrid.suggest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.onegrid.suggest.persistence.SuggestRows.ModelRow;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retraining, once across nodes: on the schedule {@code onegrid.suggest.retrain-cron} (nightly at 02:30 by default;
 * {@code -} switches it off) and on an administrator's demand, both under the same ShedLock lock, so that two nodes
 * never train at once and never promote two models for one night.
 */
@Component
class Retraining {

    static final String LOCK = "suggest-retrain";
    private static final Duration AT_MOST = Duration.ofMinutes(30);

    private final Learning learning;
    private final LockingTaskExecutor locks;

    Retraining(Learning learning, LockProvider lockProvider) {
        this.learning = learning;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    /** Trains now; empty when another node is training at this moment. */
    Optional<ModelRow> now(String by) {
        try {
            LockingTaskExecutor.TaskResult<ModelRow> result = locks.executeWithLock(
                    () -> learning.train(by), new LockConfiguration(Instant.now(), LOCK, AT_MOST, Duration.ZERO));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Training failed", e);
        }
    }

    @Scheduled(cron = "${onegrid.suggest.retrain-cron:0 30 2 * * *}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    void nightly() {
        learning.train("定时训练");
    }
}
