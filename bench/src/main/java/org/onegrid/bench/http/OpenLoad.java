package org.onegrid.bench.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load: work arrives at a fixed rate whether or not earlier work has finished, as reports arrive from
 * thousands of phones. Each arrival's latency is taken from the moment it was due, not from when it was sent, so a
 * server that stalls is charged for every arrival that had to wait (no coordinated omission). At most
 * {@code maxInFlight} arrivals are outstanding; beyond that the schedule waits, and the wait counts in the latencies.
 */
final class OpenLoad {

    /** One arrival's work: completes with true when the platform acknowledged it as expected. */
    interface Arrival extends LongFunction<CompletableFuture<Boolean>> {}

    /** What a phase achieved. */
    record Outcome(
            String name,
            double targetRate,
            long arrivals,
            long succeeded,
            long failed,
            double seconds,
            Histogram latencies,
            long maxInFlightSeen) {

        double achievedRate() {
            return succeeded / seconds;
        }
    }

    private final int maxInFlight;
    private final Duration report;

    OpenLoad(int maxInFlight, Duration report) {
        this.maxInFlight = maxInFlight;
        this.report = report;
    }

    /**
     * Runs arrivals {@code firstIndex, firstIndex + 1, …} at {@code rate} per second for {@code duration}, waits for
     * the last to finish, and returns the latencies from due time to completion.
     */
    Outcome run(String name, double rate, Duration duration, long firstIndex, Arrival arrival) {
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram total = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong maxSeen = new AtomicLong();
        long count = Math.round(rate * duration.toNanos() / 1e9);
        double period = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long nextReport = start + report.toNanos();
        long lastSucceeded = 0;
        long lastFailed = 0;
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * period);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            if (now >= nextReport) {
                lastSucceeded = progress(name, recorder, total, succeeded, failed, lastSucceeded, lastFailed, inFlight);
                lastFailed = failed.get();
                nextReport += report.toNanos();
            }
            slots.acquireUninterruptibly();
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Boolean> work;
            try {
                work = arrival.apply(firstIndex + i);
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            work.whenComplete((ok, error) -> {
                recorder.recordValue(Math.max(1, System.nanoTime() - due));
                if (error == null && Boolean.TRUE.equals(ok)) {
                    succeeded.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    if (error != null && failed.get() <= 5) {
                        System.out.println("  error: " + rootCause(error));
                    }
                }
                inFlight.decrementAndGet();
                slots.release();
            });
        }
        slots.acquireUninterruptibly(maxInFlight);
        slots.release(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        total.add(recorder.getIntervalHistogram());
        return new Outcome(name, rate, count, succeeded.get(), failed.get(), seconds, total, maxSeen.get());
    }

    private long progress(
            String name,
            Recorder recorder,
            Histogram total,
            AtomicLong succeeded,
            AtomicLong failed,
            long lastSucceeded,
            long lastFailed,
            AtomicLong inFlight) {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        long ok = succeeded.get();
        System.out.printf(
                "  %-8s %6.0f/s ok, %4d failed, p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms, in flight %d%n",
                name,
                (ok - lastSucceeded) / (report.toNanos() / 1e9),
                failed.get() - lastFailed,
                ms(interval.getValueAtPercentile(50)),
                ms(interval.getValueAtPercentile(99)),
                ms(interval.getMaxValue()),
                inFlight.get());
        return ok;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
