package io.ternmq.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one timer thread of the broker core: it sleeps until the earliest deadline of any session thread's
 * {@link Deadlines}, then posts a task to run them to the threads that have something due, so timers cost one heap
 * entry, not a thread or a scheduled future each. With nothing scheduled it sleeps until something is: a broker
 * without offline sessions or delayed wills does not wake for timers at all (a fixed tick woke it four times a
 * second). A thread whose earliest deadline moves before the planned wake-up wakes it ({@link #earliestChanged}).
 * Tests with a fake clock call {@link #tick()} after moving the clock instead of waiting for the thread.
 */
final class DeadlineTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineTicker.class);
    /**
     * Longest sleep while something is scheduled. Deadlines are wall-clock times, and a sleep is measured on the
     * monotonic clock: a step of the wall clock makes a deadline due at most this much late.
     */
    static final long MAX_SLEEP_MILLIS = 1_000;
    /** While the ticker is awake: nothing a session thread schedules needs to wake it. */
    private static final long AWAKE = Long.MIN_VALUE;

    private final SessionThreads threads;
    private final Clock clock;
    private final long maxSleepMillis;
    /** Per session thread: the earliest due time posted to it and not yet run, else {@link #AWAKE}. */
    private final long[] posted;
    private final Thread thread;
    /** The wall-clock time the ticker sleeps until (Long.MAX_VALUE: until woken), or {@link #AWAKE}. */
    private volatile long plannedWakeMillis = AWAKE;
    private volatile boolean closed;

    DeadlineTicker(SessionThreads threads, Clock clock) {
        this(threads, clock, MAX_SLEEP_MILLIS);
    }

    /** With a longer {@code maxSleepMillis}, tests see that a new earlier deadline wakes the ticker. */
    DeadlineTicker(SessionThreads threads, Clock clock, long maxSleepMillis) {
        this.threads = threads;
        this.clock = clock;
        this.maxSleepMillis = maxSleepMillis;
        this.posted = new long[threads.size()];
        Arrays.fill(posted, AWAKE);
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).deadlines().onEarliestChanged(this::earliestChanged);
        }
        thread = new Thread(this::run, "ternmq-deadlines");
        thread.setDaemon(true);
        thread.start();
    }

    /** Posts the due deadlines of every thread that has some to that thread; returns how many threads it woke. */
    synchronized int tick() {
        long now = clock.currentTimeMillis();
        int woken = 0;
        for (int i = 0; i < threads.size(); i++) {
            SessionThread owner = threads.get(i);
            long due = owner.deadlines().nextDueMillis();
            if (due <= now) {
                posted[i] = due;
                owner.execute(() -> owner.deadlines().runDue(clock.currentTimeMillis()));
                woken++;
            }
        }
        return woken;
    }

    /**
     * When to tick next: at the earliest deadline not yet posted. A thread whose posted deadlines have not run yet
     * still shows them as its earliest; running them moves it on ({@link #earliestChanged}). Should they not run
     * (the wall clock stepped back before they did), they are posted again a longest sleep later.
     */
    private synchronized long nextWakeMillis() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < threads.size(); i++) {
            long due = threads.get(i).deadlines().nextDueMillis();
            if (due != posted[i]) {
                posted[i] = AWAKE;
                earliest = Math.min(earliest, due);
            } else {
                earliest = Math.min(earliest, clock.currentTimeMillis() + maxSleepMillis);
            }
        }
        return earliest;
    }

    /** From a session thread, whose earliest deadline is now {@code dueMillis}: wakes the ticker if it is sooner. */
    private void earliestChanged(long dueMillis) {
        if (dueMillis < plannedWakeMillis) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (!closed) {
            tickGuarded();
            long wake = nextWakeMillis();
            plannedWakeMillis = wake;
            // A session thread that moved its earliest deadline before the write above did not see the plan, so
            // look again; one that moves it after the write sees the plan and wakes the ticker if need be.
            if (nextWakeMillis() >= wake) {
                sleepUntil(wake);
            }
            plannedWakeMillis = AWAKE;
        }
    }

    private void sleepUntil(long wakeMillis) {
        if (wakeMillis == Long.MAX_VALUE) {
            LockSupport.park(this);
            return;
        }
        long millis = Math.clamp(wakeMillis - clock.currentTimeMillis(), 0, maxSleepMillis);
        if (millis > 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    private void tickGuarded() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("deadline tick failed", e);
        }
    }

    /** Whether the ticker sleeps, and with a time limit or without: what tests look at. */
    Thread.State threadState() {
        return thread.getState();
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
