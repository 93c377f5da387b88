package io.ternmq.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link MemoryBudget#sample()} on a daemon timer thread, so that the hot path only reads a flag: summing the
 * budget's shared counter on every message would cost more than the message.
 */
final class MemorySampler implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private MemorySampler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static MemorySampler start(MemoryBudget budget) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ternmq-memory-budget");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(budget::sample, MemoryBudget.SAMPLE_MILLIS, MemoryBudget.SAMPLE_MILLIS,
                TimeUnit.MILLISECONDS);
        return new MemorySampler(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
