package io.ternmq.core;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One single-threaded executor and the sessions it owns, by client id. Everything about those sessions is
 * touched only from tasks run here; {@link #isCurrent()} lets mutators assert it. A task posted from this
 * thread to itself runs inline (keeping order and saving a queue hop), and every task is guarded so that an
 * exception is logged and never stops the executor.
 */
final class SessionThread {

    private static final Logger LOG = LoggerFactory.getLogger(SessionThread.class);
    private static final ThreadLocal<@Nullable SessionThread> CURRENT = new ThreadLocal<>();

    private final int index;
    private final Executor executor;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Deadlines deadlines = new Deadlines();

    SessionThread(int index, Executor executor) {
        this.index = index;
        this.executor = executor;
    }

    int index() {
        return index;
    }

    Executor executor() {
        return executor;
    }

    boolean isCurrent() {
        return CURRENT.get() == this;
    }

    void execute(Runnable task) {
        if (isCurrent()) {
            runGuarded(task);
            return;
        }
        try {
            executor.execute(() -> runOwned(task));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("session thread {} stopped, task dropped", index);
        }
    }

    private void runOwned(Runnable task) {
        SessionThread previous = CURRENT.get();
        CURRENT.set(this);
        try {
            runGuarded(task);
        } finally {
            CURRENT.set(previous);
        }
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | AssertionError e) {
            LOG.error("task on session thread {} failed", index, e);
        }
    }

    /** Timers of the sessions owned here (expiry, delayed wills); see {@link Deadlines} for who may call what. */
    Deadlines deadlines() {
        return deadlines;
    }

    /** Sessions owned here; only this thread may read or change the map. */
    Map<String, Session> sessions() {
        assert isCurrent() : "sessions touched off their owner thread";
        return sessions;
    }
}
