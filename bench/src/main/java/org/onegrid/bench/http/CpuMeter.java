package org.onegrid.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by the application's JVM and by its PostgreSQL (the server process with every backend, living or
 * ended) during a phase, read from Linux's {@code /proc}; and how busy the whole machine was meanwhile, so that a run
 * beside other work says so. Without the process ids it measures nothing.
 */
final class CpuMeter {

    private static final double TICK = 100.0; // USER_HZ on Linux

    private final long appPid;
    private final long dbPid;

    CpuMeter(long appPid, long dbPid) {
        this.appPid = appPid;
        this.dbPid = dbPid;
    }

    record Reading(long app, long db, long machineBusy, long machineAll, long nanos) {}

    boolean active() {
        return appPid > 0 && Files.isReadable(Path.of("/proc/" + appPid + "/stat"));
    }

    Reading read() {
        long[] machine = machine();
        return new Reading(
                appPid > 0 ? own(appPid, true) : 0,
                dbPid > 0 ? tree(dbPid) : 0,
                machine[0],
                machine[1],
                System.nanoTime());
    }

    /** Prints the CPU milliseconds per unit of work ({@code done} units) between two readings. */
    void print(Reading from, Reading to, long done, String unit) {
        if (!active() || done == 0) {
            return;
        }
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double app = (to.app() - from.app()) / TICK;
        double db = (to.db() - from.db()) / TICK;
        double busy = (to.machineBusy() - from.machineBusy()) / (double) (to.machineAll() - from.machineAll());
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "  CPU: application %.2f ms, database %.2f ms per %s (application %.2f cores, database %.2f cores;"
                        + " whole machine %.0f %% busy of %d cores, other work included)%n",
                app * 1000 / done,
                db * 1000 / done,
                unit,
                app / seconds,
                db / seconds,
                busy * 100,
                cores);
    }

    /** utime + stime of a process, with its ended children's if {@code children}. */
    private static long own(long pid, boolean children) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from 3 on: utime is field 14, stime 15, cutime 16, cstime 17 (1-based over the whole line)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (children) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long parent(Path stat) {
        try {
            String s = Files.readString(stat);
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The server process (with its ended backends) and its living backends. */
    private static long tree(long pid) {
        long total = own(pid, true);
        List<Long> children = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        if (parent(p.resolve("stat")) == pid) {
                            children.add(Long.parseLong(p.getFileName().toString()));
                        }
                    });
        } catch (IOException e) {
            return total;
        }
        for (long child : children) {
            total += own(child, false);
        }
        return total;
    }

    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]);
            long busy = user + nice + system + irq + softirq;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }
}
