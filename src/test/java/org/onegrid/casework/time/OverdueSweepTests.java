package org.onegrid.casework.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every module's deadline scan goes through its due cases the same way, and stops where it must. */
class OverdueSweepTests {

    /** Due cases 0 … n-1; marking one takes it out of the due list unless it is busy (someone is acting on it). */
    static final class Cases implements OverdueSweep.Due<Integer> {
        final List<Integer> due;
        final List<Integer> busy;
        int asked;

        Cases(int n, List<Integer> busy) {
            this.due = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            this.busy = busy;
        }

        @Override
        public List<Integer> due(int limit) {
            asked++;
            return List.copyOf(due.subList(0, Math.min(limit, due.size())));
        }

        @Override
        public boolean mark(Integer key) {
            if (busy.contains(key)) {
                return false;
            }
            return due.remove(key);
        }
    }

    @Test
    void aBacklogAfterAnOutageIsMarkedBatchAfterBatchUntilABatchComesBackShort() {
        Cases cases = new Cases(1_234, List.of());
        assertThat(OverdueSweep.sweep(cases, OverdueSweep.unpaced())).isEqualTo(1_234);
        assertThat(cases.due).isEmpty();
        assertThat(cases.asked).isEqualTo(3);
    }

    @Test
    void casesSomeoneIsActingOnAreLeftForTheNextRunWithoutEndlessRetries() {
        List<Integer> busy = IntStream.range(0, OverdueSweep.BATCH).boxed().toList();
        Cases cases = new Cases(OverdueSweep.BATCH + 10, busy);
        assertThat(OverdueSweep.sweep(cases, OverdueSweep.unpaced())).isZero();
        assertThat(cases.asked).isEqualTo(1);
    }

    @Test
    void oneRunStopsAfterItsLastBatchAndTheNextGoesOn() {
        Cases cases = new Cases(OverdueSweep.BATCH * (OverdueSweep.MAX_BATCHES + 1), List.of());
        assertThat(OverdueSweep.sweep(cases, OverdueSweep.unpaced()))
                .isEqualTo(OverdueSweep.BATCH * OverdueSweep.MAX_BATCHES);
        assertThat(OverdueSweep.sweep(cases, OverdueSweep.unpaced())).isEqualTo(OverdueSweep.BATCH);
    }
}
