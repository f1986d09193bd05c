package org.onegrid.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.onegrid.worktime.TimeMode;
import org.onegrid.worktime.WorkCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link WorkCalendar#deadline} in working time (工作时): a random start in 2026 plus 1 to 40
 * working hours. Every case and every overdue check computes deadlines, so this has to stay well above one
 * million per second per core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkCalendarBenchmark {

    // A power of two, so the index wraps with a mask; large enough that branch prediction cannot learn it.
    private static final int SAMPLES = 1 << 14;

    private WorkCalendar calendar;
    private Instant[] starts;
    private Duration[] durations;
    private int next;

    @Setup
    public void setUp() {
        calendar = WorkCalendar.standard();
        Random random = new Random(20260213);
        long from = LocalDate.of(2026, 1, 1).atStartOfDay(calendar.zone()).toEpochSecond();
        // Starts end a month early: 40 working hours from late December would run into 2027, which has no data.
        long to = LocalDate.of(2026, 12, 1).atStartOfDay(calendar.zone()).toEpochSecond();
        starts = new Instant[SAMPLES];
        durations = new Duration[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = Instant.ofEpochSecond(from + random.nextLong(to - from));
            durations[i] = Duration.ofHours(1 + random.nextInt(40));
        }
    }

    @Benchmark
    public Instant deadline() {
        int i = next++ & (SAMPLES - 1);
        return calendar.deadline(starts[i], durations[i], TimeMode.WORKING);
    }
}
