package io.ternmq.core;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;

/**
 * The tasks one {@link DedicatedExecutor}'s thread has posted to session threads and not yet handed over, in
 * order, by target. The first one queues a flush on this thread's own executor; the flush runs after what was
 * queued before it (the reads and tasks of the turn in hand) and hands each target its tasks as one task, or runs
 * them at once when the target is this thread's own session thread. Tasks for one target keep the order they were
 * posted in, since every post from this thread goes through here once it is installed. Only this thread touches it.
 */
final class TaskBatches {

    private static final Logger LOG = LoggerFactory.getLogger(TaskBatches.class);

    private final SessionThread home;
    private final Runnable flush = this::flush;
    private @Nullable TaskChunks[] pending;
    private SessionThread[] targets;
    /** Per target, how many tasks its last batch held: the next starts at that capacity instead of growing to it. */
    private int[] lastSizes;
    private boolean flushQueued;

    TaskBatches(SessionThread home) {
        this.home = home;
        this.pending = new TaskChunks[Math.max(4, home.index() + 1)];
        this.targets = new SessionThread[pending.length];
        this.lastSizes = new int[pending.length];
    }

    /** The session thread whose dedicated executor runs on this OS thread. */
    SessionThread home() {
        return home;
    }

    void add(SessionThread target, SessionTask task, Object argument) {
        int index = target.index();
        if (index >= pending.length) {
            pending = Arrays.copyOf(pending, Math.max(index + 1, 2 * pending.length));
            targets = Arrays.copyOf(targets, pending.length);
            lastSizes = Arrays.copyOf(lastSizes, pending.length);
        }
        TaskChunks tasks = pending[index];
        if (tasks == null) {
            tasks = new TaskChunks(Math.max(10, lastSizes[index]));
            pending[index] = tasks;
            targets[index] = target;
        }
        tasks.add(task, argument);
        if (!flushQueued) {
            queueFlush();
        }
    }

    private void queueFlush() {
        flushQueued = true;
        try {
            home.executor().execute(flush);
        } catch (RejectedExecutionException stopped) {
            // Shutting down: the tasks are dropped, as a direct post to a stopped executor drops them.
            flushQueued = false;
            Arrays.fill(pending, null);
            LOG.debug("session thread {} stopped, batched tasks dropped", home.index());
        }
    }

    private void flush() {
        flushQueued = false;
        for (int i = 0; i < pending.length; i++) {
            TaskChunks tasks = take(i);
            if (tasks == null) {
                continue;
            }
            SessionThread target = targets[i];
            if (target == home) {
                target.runAll(tasks); // tasks they post now start new batches, flushed after this one
            } else {
                target.handOver(tasks);
            }
        }
    }

    /** Hands the other session threads their tasks now; this thread's own wait for the flush already queued. */
    void handOverToOthers() {
        for (int i = 0; i < pending.length; i++) {
            if (targets[i] != home) {
                TaskChunks tasks = take(i);
                if (tasks != null) {
                    targets[i].handOver(tasks);
                }
            }
        }
    }

    private @Nullable TaskChunks take(int index) {
        TaskChunks tasks = pending[index];
        if (tasks != null) {
            pending[index] = null;
            lastSizes[index] = tasks.size();
        }
        return tasks;
    }
}
