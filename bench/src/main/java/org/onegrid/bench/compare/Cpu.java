package org.onegrid.bench.compare;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the benchmark's PostgreSQL (the postmaster named by the system property
 * {@code compare.pg.pid} and its backends, from {@code /proc}). On a machine shared with other work, CPU time per
 * loop says more than loops per second: it is what a loop costs, whatever else runs.
 */
record Cpu(long jvmNanos, long databaseNanos) {

    /** Linux counts process times in ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static Cpu now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Cpu(jvm, database());
    }

    Cpu minus(Cpu earlier) {
        return new Cpu(jvmNanos - earlier.jvmNanos, databaseNanos - earlier.databaseNanos);
    }

    /** -1 when the database's processes are not known or not readable. */
    private static long database() {
        String postmaster = System.getProperty("compare.pg.pid");
        if (postmaster == null || !Files.isDirectory(Path.of("/proc", postmaster))) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // after "(command)": state ppid ... utime is field 14, stime field 15 (1-based)
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (name.equals(postmaster) || f[1].equals(postmaster)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }
}
