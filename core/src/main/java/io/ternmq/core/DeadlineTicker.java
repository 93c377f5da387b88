package io.ternmq.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of the broker core: every tick it looks at each session thread's {@link Deadlines} and posts
 * a task to run them to the threads that have something due, so timers cost one heap entry, not a thread or a
 * scheduled future each. Expiry intervals are whole seconds, so a tick of a fraction of a second is precise
 * enough. Tests with a fake clock call {@link #tick()} after moving the clock instead of waiting for the thread.
 */
final class DeadlineTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineTicker.class);
    static final long TICK_MILLIS = 250;

    private final SessionThreads threads;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    DeadlineTicker(SessionThreads threads, Clock clock) {
        this.threads = threads;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ternmq-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tickGuarded, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Posts the due deadlines of every thread that has some to that thread; returns how many threads it woke. */
    int tick() {
        long now = clock.currentTimeMillis();
        int woken = 0;
        for (int i = 0; i < threads.size(); i++) {
            SessionThread thread = threads.get(i);
            if (thread.deadlines().nextDueMillis() <= now) {
                thread.execute(() -> thread.deadlines().runDue(clock.currentTimeMillis()));
                woken++;
            }
        }
        return woken;
    }

    private void tickGuarded() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("deadline tick failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
