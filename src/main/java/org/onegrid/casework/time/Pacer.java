package org.onegrid.casework.time;

import java.util.function.LongSupplier;

/**
 * Keeps background work to a share of one thread's time, so that people's requests come first: the work tells the
 * pacer when each piece is done, and once it has worked for a slice without rest the pacer rests it long enough that
 * work is at most {@code share} of the time. A share of 1 never rests. Work that takes less than a slice (a scan of an
 * ordinary minute) is never slowed.
 */
public final class Pacer {

    static final long SLICE_NANOS = 50_000_000;

    /** Sleeps for the nanoseconds given. */
    public interface Rest {
        void nanos(long nanos) throws InterruptedException;
    }

    private final double share;
    private final LongSupplier nanoTime;
    private final Rest rest;
    private long since;
    private long rested;

    public Pacer(double share, LongSupplier nanoTime, Rest rest) {
        this.share = checked(share, "a scan's share of time");
        this.nanoTime = nanoTime;
        this.rest = rest;
        this.since = nanoTime.getAsLong();
    }

    /** {@code share} if it is a share of time: above 0, at most 1; else refused, naming the setting it came from. */
    public static double checked(double share, String setting) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(setting + " must be above 0 and at most 1, not " + share);
        }
        return share;
    }

    /** The thread's sleep, to the nanosecond it allows. */
    public static void sleep(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /** A piece of work is done: rests if the work since the last rest has filled a slice. */
    public void done() {
        long worked = nanoTime.getAsLong() - since;
        if (share >= 1 || worked < SLICE_NANOS) {
            return;
        }
        long pause = (long) (worked * (1 - share) / share);
        try {
            rest.nanos(pause);
            rested += pause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        since = nanoTime.getAsLong();
    }

    /** Nanoseconds rested so far. */
    public long rested() {
        return rested;
    }
}
