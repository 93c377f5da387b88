package io.ternmq.core;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One single-threaded executor and the sessions it owns, by client id. Everything about those sessions is
 * touched only from tasks run here; {@link #isCurrent()} lets mutators assert it. A task posted from this
 * thread to itself runs inline (keeping order and saving a queue hop), and every task is guarded so that an
 * exception is logged and never stops the executor. On a {@link DedicatedExecutor}, every other post made on its
 * thread is gathered into {@link TaskBatches} and handed over once per turn and target.
 * <p>
 * Tasks handed over by other session threads wait here uncounted by any connection's back-pressure: a thread whose
 * publishers route to this one faster than it runs their deliveries would queue them without bound. So from
 * {@link #BEHIND_AT} waiting tasks this thread is behind, and every publisher whose route hands it a task stops
 * being read ({@link InboundBackPressure#holdForBacklog}) until fewer than {@link #CAUGHT_UP_AT} wait.
 */
final class SessionThread {

    static final long BEHIND_AT = 16_384;
    static final long CAUGHT_UP_AT = 4_096;

    private static final Logger LOG = LoggerFactory.getLogger(SessionThread.class);
    /** Per OS thread, in one thread-local so that a hand-over reads one: see {@link OnThread}. */
    private static final ThreadLocal<OnThread> ON_THREAD = ThreadLocal.withInitial(OnThread::new);

    private final int index;
    private final Executor executor;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Deadlines deadlines = new Deadlines();
    /** The executor when it is a {@link DedicatedExecutor}, else null. */
    private final @Nullable DedicatedExecutor dedicated;
    /** Tasks other session threads handed over in batches that have not run yet. */
    private final AtomicLong handedOver = new AtomicLong();
    /** Called once this thread has caught up (fewer than {@link #CAUGHT_UP_AT} handed-over tasks wait). */
    private final Queue<Runnable> onCaughtUp = new ConcurrentLinkedQueue<>();
    /** This thread only: a thread that was behind when the route in hand handed it a task; see takeBehindTarget. */
    private @Nullable SessionThread behindTarget;
    /** Sessions moved here from another thread ({@link SessionMove}) that have yet to take their place in the map. */
    private final Queue<Session> arriving = new ConcurrentLinkedQueue<>();

    SessionThread(int index, Executor executor) {
        this.index = index;
        this.executor = executor;
        this.dedicated = executor instanceof DedicatedExecutor own ? own : null;
    }

    int index() {
        return index;
    }

    Executor executor() {
        return executor;
    }

    boolean isCurrent() {
        return ON_THREAD.get().current == this;
    }

    /**
     * The session thread whose dedicated executor runs on the calling OS thread (an IO loop that also runs
     * sessions), once it has run a session task there; else null.
     */
    static @Nullable SessionThread ofThisThread() {
        TaskBatches batches = ON_THREAD.get().batches;
        return batches == null ? null : batches.home();
    }

    /**
     * On this thread: hands every other session thread the tasks batched for it so far, now rather than after the
     * task in hand. Tasks for this thread itself stay batched.
     */
    void handOverBatchesNow() {
        assert isCurrent();
        TaskBatches batches = ON_THREAD.get().batches;
        if (batches != null) {
            batches.handOverToOthers();
        }
    }

    void execute(Runnable task) {
        execute(SessionTask.RUNNABLE, task);
    }

    /** Runs {@code task} with {@code argument} here, as {@link #execute(Runnable)} runs a task. */
    void execute(SessionTask task, Object argument) {
        OnThread on = ON_THREAD.get();
        SessionThread current = on.current;
        if (current == this) {
            runGuarded(task, argument);
            return;
        }
        TaskBatches batches = on.batches;
        if (batches != null) {
            batches.add(this, task, argument);
            return;
        }
        if (current != null) {
            // from another session thread on a thread of its own (no batches there): counted as handed over
            handOver(1, () -> runOwned(task, argument));
            return;
        }
        post(() -> runOwned(task, argument));
    }

    /** Queues {@code task} on the executor as it is; dropped (and logged) once the executor has stopped. */
    void post(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("session thread {} stopped, task dropped", index);
        }
    }

    /** Queues a batch of tasks from another session thread; they count as handed over until they have run. */
    void handOver(TaskChunks tasks) {
        handOver(tasks.size(), () -> runAll(tasks, true));
    }

    /** Queues {@code run}, which runs {@code count} handed-over tasks; they count until it has run. */
    private void handOver(int count, Runnable run) {
        handedOver.addAndGet(count);
        post(() -> {
            run.run();
            if (handedOver.addAndGet(-count) < CAUGHT_UP_AT && !onCaughtUp.isEmpty()) {
                releaseCaughtUp();
            }
        });
    }

    /** Whether so many handed-over tasks wait that the publishers feeding this thread should be held. */
    boolean isBehind() {
        return handedOver.get() >= BEHIND_AT;
    }

    /** Runs {@code callback} once this thread has caught up: soon, on this thread or the caller's. */
    void whenCaughtUp(Runnable callback) {
        onCaughtUp.add(callback);
        // after the add: a thread that caught up before it saw no callback to run
        if (handedOver.get() < CAUGHT_UP_AT) {
            releaseCaughtUp();
        }
    }

    private void releaseCaughtUp() {
        Runnable callback;
        while ((callback = onCaughtUp.poll()) != null) {
            callback.run();
        }
    }

    /** On this thread, by the router: the route in hand handed {@code target}, which is behind, a task. */
    void handedToBehind(SessionThread target) {
        behindTarget = target;
    }

    /** On this thread, after a route: the thread it handed a task to while that one was behind, once; else null. */
    @Nullable SessionThread takeBehindTarget() {
        SessionThread target = behindTarget;
        if (target != null) {
            // Written only when set: other threads read this object (its index) for every task they hand it, and
            // a write after every route moved its cache line between the cores each time.
            behindTarget = null;
        }
        return target;
    }

    /**
     * Runs tasks of a batch in order, each owned and guarded as a task posted alone. Each is dropped from the list
     * once run: a batch can hold thousands of messages, which a collection during the run would otherwise copy.
     */
    void runAll(TaskChunks tasks) {
        runAll(tasks, false);
    }

    /**
     * With {@code handedOver}, on a dedicated executor that has not caught up ({@link #CAUGHT_UP_AT} or more
     * handed-over tasks waiting), the executor's {@link DedicatedExecutor#betweenTasks} runs after each task: what
     * those tasks leave for their thread (a drain of what they sent) would otherwise wait behind all those batches.
     * A thread that keeps up runs what they left right after the batch, as it does after its own.
     */
    private void runAll(TaskChunks tasks, boolean handedOver) {
        DedicatedExecutor between = handedOver && this.handedOver.get() >= CAUGHT_UP_AT ? dedicated : null;
        // Owned once for the whole batch, not around every task: that was a thread-local read and two writes each.
        OnThread on = ON_THREAD.get();
        SessionThread previous = own(on);
        try {
            for (int c = 0; c < tasks.chunks(); c++) {
                Object[] chunk = tasks.chunk(c);
                int filled = tasks.filled(c);
                for (int i = 0; i < 2 * filled; i += 2) {
                    SessionTask task = (SessionTask) chunk[i];
                    Object argument = chunk[i + 1];
                    chunk[i] = null;
                    chunk[i + 1] = null;
                    runGuarded(task, argument);
                    if (between != null) {
                        on.current = previous; // the executor's own work, unowned as it is outside a batch
                        betweenTasks(between);
                        on.current = this;
                    }
                }
            }
        } finally {
            on.current = previous;
        }
    }

    private void betweenTasks(DedicatedExecutor own) {
        try {
            own.betweenTasks();
        } catch (RuntimeException | AssertionError e) {
            LOG.error("work between tasks on session thread {} failed", index, e);
        }
    }

    private void runOwned(SessionTask task, Object argument) {
        OnThread on = ON_THREAD.get();
        SessionThread previous = own(on);
        try {
            runGuarded(task, argument);
        } finally {
            on.current = previous;
        }
    }

    /** Makes this the current session thread of the caller's thread; returns the one to restore afterwards. */
    private @Nullable SessionThread own(OnThread on) {
        SessionThread previous = on.current;
        on.current = this;
        if (dedicated != null && on.batches == null) { // the first session thread run on this OS thread installs them
            on.batches = new TaskBatches(this);
        }
        return previous;
    }

    /**
     * What an OS thread knows of session threads: the one whose task it runs now (null outside session tasks),
     * and its {@link TaskBatches} if a dedicated executor runs on it (installed by its first session task). Only
     * that OS thread reads or writes it.
     */
    private static final class OnThread {
        private @Nullable SessionThread current;
        private @Nullable TaskBatches batches;
    }

    private void runGuarded(SessionTask task, Object argument) {
        try {
            task.run(argument);
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
        if (!arriving.isEmpty()) {
            settleArrivals(); // whoever looks a client id up here must find a session that moved here
        }
        return sessions;
    }

    /**
     * From the session's old owner thread, which owned it until now: {@code session} belongs here from now on. It
     * takes its place in the map at the latest when the map is next looked at here.
     */
    void arrive(Session session) {
        arriving.add(session);
        post(this::settleArrivals);
    }

    private void settleArrivals() {
        Session session;
        while ((session = arriving.poll()) != null) {
            sessions.put(session.clientId(), session);
        }
    }
}
