package io.ternmq.bench;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Waits out the warm-up, then the measurement, and samples the counters at both ends of the measurement: only
 * what happens between the two samples counts.
 */
final class MeasuredWindow {

    private static final int RESETS = 6;

    private final LongAdder sent;
    private final LongAdder received;
    private final OptionalLong brokerPid;
    private Sample start;
    private Sample end;

    private MeasuredWindow(LongAdder sent, LongAdder received, OptionalLong brokerPid) {
        this.sent = sent;
        this.received = received;
        this.brokerPid = brokerPid;
    }

    /**
     * Sleeps through warm-up and measurement; {@code reset} (of a histogram) runs {@value #RESETS} times, evenly
     * through the warm-up, the last at the measurement's start. After a reset the first values take branches (a new
     * minimum, the other half of HdrHistogram's phaser) that the JIT compiled as never taken: taking one deoptimizes
     * the generator's receive path, and recompiling slowed every receipt for up to a second. After a few such traps
     * the JIT compiles both sides, so these happen in the warm-up, not in the measurement.
     */
    static MeasuredWindow run(BenchSettings settings, LongAdder sent, LongAdder received, Runnable reset)
            throws InterruptedException {
        MeasuredWindow window = new MeasuredWindow(sent, received, settings.brokerPid());
        // the first sample loads the management beans and compiles the /proc parsing (~20 ms of CPU on the
        // generator's cores): done here it cannot delay messages at the start of the measurement
        window.sample();
        long warmupNanos = settings.warmup().toNanos();
        for (int i = 1; i <= RESETS; i++) {
            TimeUnit.NANOSECONDS.sleep(warmupNanos * i / RESETS - warmupNanos * (i - 1) / RESETS);
            reset.run();
        }
        window.start = window.sample();
        TimeUnit.NANOSECONDS.sleep(settings.duration().toNanos());
        window.end = window.sample();
        return window;
    }

    private Sample sample() {
        // The clock is read next to the counters: the CPU figures come from /proc, a file per broker thread, and
        // the milliseconds that took between counters and clock, unequal at the two ends, skewed the rates.
        long nanos = System.nanoTime();
        long sentNow = sent.sum();
        long receivedNow = received.sum();
        return new Sample(sentNow, receivedNow, ProcessStats.ownCpuNanos(), ProcessStats.brokerCpuNanos(brokerPid),
                nanos);
    }

    double seconds() {
        return (end.nanos() - start.nanos()) / 1e9;
    }

    double sentPerSecond() {
        return (end.sent() - start.sent()) / seconds();
    }

    double receivedPerSecond() {
        return (end.received() - start.received()) / seconds();
    }

    /** Cores the generator kept busy on average. */
    double generatorCpu() {
        return (end.cpuNanos() - start.cpuNanos()) / (double) (end.nanos() - start.nanos());
    }

    /** Cores the broker kept busy on average, in all and in its JVM's collector and compiler; zeros without its pid. */
    BrokerCpu brokerCpu() {
        double nanos = end.nanos() - start.nanos();
        ProcessStats.CpuNanos from = start.broker();
        ProcessStats.CpuNanos to = end.broker();
        return new BrokerCpu((to.total() - from.total()) / nanos, (to.gc() - from.gc()) / nanos,
                (to.jit() - from.jit()) / nanos);
    }

    private record Sample(long sent, long received, long cpuNanos, ProcessStats.CpuNanos broker, long nanos) {
    }
}
