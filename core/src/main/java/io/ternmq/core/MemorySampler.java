package io.ternmq.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link MemoryBudget#sample()} on a daemon timer thread, so that the hot path only reads a flag: summing the
 * budget's shared counter on every message would cost more than the message. Each sample schedules the next after
 * the delay the budget asks for ({@link MemoryBudget#nextSampleMillis()}); a sample that throws is logged and
 * still schedules it.
 */
final class MemorySampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemorySampler.class);

    private final ScheduledExecutorService timer;
    private final MemoryBudget budget;

    private MemorySampler(ScheduledExecutorService timer, MemoryBudget budget) {
        this.timer = timer;
        this.budget = budget;
    }

    static MemorySampler start(MemoryBudget budget) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ternmq-memory-budget");
            thread.setDaemon(true);
            return thread;
        });
        MemorySampler sampler = new MemorySampler(timer, budget);
        sampler.scheduleNext(MemoryBudget.SAMPLE_MILLIS);
        return sampler;
    }

    private void scheduleNext(long delayMillis) {
        try {
            timer.schedule(this::sample, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the broker is stopping
        }
    }

    private void sample() {
        try {
            budget.sample();
        } catch (RuntimeException e) {
            LOG.error("memory budget sample failed; the next one is scheduled", e);
        } finally {
            scheduleNext(budget.nextSampleMillis());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
