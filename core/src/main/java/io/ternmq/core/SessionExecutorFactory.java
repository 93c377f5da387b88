package io.ternmq.core;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Creates the executor of session thread {@code index}. Each executor must run its tasks one at a time, in
 * submission order. Tests inject executors they drain by hand to make every interleaving deterministic; an
 * {@link java.util.concurrent.ExecutorService} is shut down by {@link BrokerCore#close()}.
 */
@FunctionalInterface
public interface SessionExecutorFactory {

    /** One platform thread per session executor, named for thread dumps. */
    SessionExecutorFactory SINGLE_THREADS = index -> Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ternmq-session-" + index);
        thread.setDaemon(true);
        return thread;
    });

    Executor create(int index);
}
