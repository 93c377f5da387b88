package io.ternmq.server.security;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads that compute password hashes, so that deliberately slow hashing never holds a session or IO
 * thread. The queue is bounded: a flood of CONNECTs is refused (server unavailable) rather than queued forever.
 */
final class HashingExecutor {

    static final int QUEUE_CAPACITY = 1_024;

    private HashingExecutor() {
    }

    static ExecutorService create() {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
        AtomicInteger index = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), task -> {
                    Thread thread = new Thread(task, "ternmq-password-hash-" + index.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
