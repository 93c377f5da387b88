package io.ternmq.core;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link MemoryBudget#sample()} on a timer, so that the hot path only reads a flag: summing the budget's shared
 * counter on every message would cost more than the message. Each sample schedules the next after the delay the
 * budget asks for ({@link MemoryBudget#nextSampleMillis()}); a sample that throws is logged and still schedules it.
 * <p>
 * The timer is a session thread's when its executor keeps time ({@link DedicatedExecutor#schedule}: an IO loop), else
 * a daemon thread of its own. On the loop a sample runs between its tasks. A thread of its own woke twice a second
 * beside the loops, ran 0.5-1 ms each time (its rarely run code stays cold) and, just woken, was not preempted
 * by a loop whose messages arrived meanwhile: 1.8-3.5 ms of the core a second that the loop of a one-core broker
 * waited for at a fixed 5,000 msg/s (bench/RESULTS.md, twenty-first pass).
 */
final class MemorySampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemorySampler.class);

    private final MemoryBudget budget;
    /** The session thread that keeps the time, or null when the sampler has a thread of its own. */
    private final @Nullable DedicatedExecutor sessionThread;
    private final @Nullable ScheduledExecutorService ownTimer;
    private volatile boolean closed;

    private MemorySampler(MemoryBudget budget, @Nullable DedicatedExecutor sessionThread,
                          @Nullable ScheduledExecutorService ownTimer) {
        this.budget = budget;
        this.sessionThread = sessionThread;
        this.ownTimer = ownTimer;
    }

    /** Samples on {@code sessionExecutor} if it keeps time, else on a thread of its own. */
    static MemorySampler start(MemoryBudget budget, Executor sessionExecutor) {
        if (sessionExecutor instanceof DedicatedExecutor dedicated) {
            var sampler = new MemorySampler(budget, dedicated, null);
            if (dedicated.schedule(sampler::sample, MemoryBudget.SAMPLE_MILLIS)) {
                return sampler;
            }
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ternmq-memory-budget");
            thread.setDaemon(true);
            return thread;
        });
        var sampler = new MemorySampler(budget, null, timer);
        sampler.scheduleNext(MemoryBudget.SAMPLE_MILLIS);
        return sampler;
    }

    private void scheduleNext(long delayMillis) {
        try {
            if (sessionThread != null) {
                sessionThread.schedule(this::sample, delayMillis);
            } else if (ownTimer != null) {
                ownTimer.schedule(this::sample, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException closing) {
            // the broker is stopping
        }
    }

    private void sample() {
        if (closed) {
            return; // a sample scheduled on the session thread before close
        }
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
        closed = true;
        if (ownTimer != null) {
            ownTimer.shutdownNow();
        }
    }
}
