package io.ternmq.core;

import java.util.concurrent.Executor;

/**
 * A session executor whose tasks always run on the same thread, such as a Netty event loop. The session threads
 * then gather the tasks that thread posts during a turn (what its reads hand to sessions, what its sessions route
 * to other session threads) and hand them over as one task per target ({@link TaskBatches}), where a queued task
 * per message costs a queue insert, a wrapper and, across threads, a contended queue slot.
 */
public interface DedicatedExecutor extends Executor {

    /**
     * Called on the executor's thread after each task of a batch another session thread handed over while this one
     * has not caught up ({@link SessionThread#CAUGHT_UP_AT}), outside any session's code: the executor may do there
     * the work those tasks left it, such as writing what they sent, instead of after all the batches that wait.
     */
    default void betweenTasks() {
    }

    /**
     * Runs {@code task} on the executor's thread once {@code delayMillis} have passed, if this executor keeps time;
     * false if it does not, and the caller keeps its own timer. Periodic broker work scheduled here runs between
     * the thread's tasks, where a timer thread of its own would wake beside the loops and could delay them
     * (bench/RESULTS.md, twenty-first pass).
     *
     * @throws java.util.concurrent.RejectedExecutionException once the executor is shut down
     */
    default boolean schedule(Runnable task, long delayMillis) {
        return false;
    }
}
