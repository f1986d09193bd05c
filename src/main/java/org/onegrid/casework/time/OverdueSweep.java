package org.onegrid.casework.time;

import java.util.List;

/**
 * The one loop of every deadline scan (超期扫描, 黄灯预警) — an incident's, a dispute's, a hazard's, a task's: batch after
 * batch of the module's due cases, each marked by the module in its own transaction, so that a case someone is acting
 * on right now (and that therefore changed meanwhile) is simply left for the next run. A batch that comes back short
 * ends the run, and so does one of which nothing could be marked. The {@link Pacer} keeps a long run (after an
 * outage, or when many deadlines fall in one minute) to its share of the time, so that people's requests come first.
 */
public final class OverdueSweep {

    /** Cases taken at a time. */
    public static final int BATCH = 500;

    /** Batches at most in one run; the next run goes on. */
    public static final int MAX_BATCHES = 20;

    /** How a module finds and marks its due cases. */
    public interface Due<K> {

        /** Up to {@code limit} cases due and not yet marked, oldest deadline first. */
        List<K> due(int limit);

        /** Marks one case, in its own transaction; false if it was not due any more or changed meanwhile. */
        boolean mark(K key);
    }

    private OverdueSweep() {}

    /** Marks every due case, batch after batch; answers how many were marked. */
    public static <K> int sweep(Due<K> cases, Pacer pacer) {
        int marked = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<K> due = cases.due(BATCH);
            int markedNow = 0;
            for (K key : due) {
                if (cases.mark(key)) {
                    markedNow++;
                }
                pacer.done();
            }
            marked += markedNow;
            if (due.size() < BATCH || markedNow == 0) {
                break;
            }
        }
        return marked;
    }

    /** A pacer that never rests: for scans whose runs are always short. */
    public static Pacer unpaced() {
        return new Pacer(1, System::nanoTime, Pacer::sleep);
    }
}
