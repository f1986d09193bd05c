package org.onegrid.bench.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives whole incident loops from concurrent clients: each client runs one loop after another, from report to
 * close, for a warm-up and then a measured time; loops a second are the loops finished in the measured window over
 * its length. Any failed step stops the run: a loop that does not close is not counted as fast.
 */
final class ClosedLoops {

    /** The loop as one client performs it; {@code client} numbers the clients from 0. */
    interface Loop {
        void run(int client, long n) throws Exception;
    }

    static final int CLIENTS = Integer.getInteger("compare.clients", 8);
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("compare.warmup", 20));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("compare.seconds", 40));

    private ClosedLoops() {}

    /** Loops a second of {@link #CLIENTS} clients over {@link #MEASURE}, after {@link #WARM_UP}. */
    static double measure(String name, String database, Loop loop) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        long measureFrom = started + WARM_UP.toNanos();
        long measureTo = measureFrom + MEASURE.toNanos();
        long[] latencies = new long[CLIENTS];
        long[] counted = new long[CLIENTS];
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(
                    () -> {
                        long n = 0;
                        try {
                            while (failure.get() == null) {
                                long begin = System.nanoTime();
                                if (begin >= measureTo) {
                                    return;
                                }
                                loop.run(client, n++);
                                long end = System.nanoTime();
                                done.incrementAndGet();
                                if (begin >= measureFrom && end <= measureTo) {
                                    latencies[client] += end - begin;
                                    counted[client]++;
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    name + "-client-" + c);
            clients.add(t);
        }
        clients.forEach(Thread::start);
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        long atStart = done.get();
        Cpu cpuAtStart = Cpu.now();
        Statements sqlAtStart = Statements.now(database);
        long sqlFrom = done.get();
        Thread.sleep(Math.max(0, (measureTo - System.nanoTime()) / 1_000_000));
        long atEnd = done.get();
        Cpu cpu = Cpu.now().minus(cpuAtStart);
        Statements sql = Statements.now(database).minus(sqlAtStart);
        long sqlTo = done.get();
        for (Thread t : clients) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": a loop failed", failure.get());
        }
        double perSecond = (atEnd - atStart) / (MEASURE.toNanos() / 1e9);
        long totalLatency = 0;
        long loops = 0;
        for (int c = 0; c < CLIENTS; c++) {
            totalLatency += latencies[c];
            loops += counted[c];
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d clients, %d s warm-up, %d s measured: %,d loops closed, %.1f loops/s, %.1f ms a loop%n",
                name,
                CLIENTS,
                WARM_UP.toSeconds(),
                MEASURE.toSeconds(),
                atEnd - atStart,
                perSecond,
                loops == 0 ? Double.NaN : totalLatency / 1e6 / loops);
        long closed = Math.max(1, atEnd - atStart);
        // the statistics are read a moment after the loop counts: about one loop in a hundred either way
        double sqlLoops = Math.max(1, sqlTo - sqlFrom);
        String cost = String.format(
                Locale.ROOT,
                "%s: %.1f ms CPU a loop in the JVM, %s in PostgreSQL; %.0f SQL statements and %.0f commits a loop",
                name,
                cpu.jvmNanos() / 1e6 / closed,
                cpu.databaseNanos() < 0
                        ? "?"
                        : String.format(Locale.ROOT, "%.1f ms", cpu.databaseNanos() / 1e6 / closed),
                sql.statements() / sqlLoops,
                sql.commits() / sqlLoops);
        System.out.println(cost);
        Figures.note(cost);
        return perSecond;
    }
}
