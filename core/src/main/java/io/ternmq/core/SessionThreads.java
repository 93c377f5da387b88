package io.ternmq.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The fixed array of session threads, and which of them owns each client id ({@link SessionOwners}). */
final class SessionThreads {

    private static final Logger LOG = LoggerFactory.getLogger(SessionThreads.class);

    private final SessionThread[] threads;
    private final SessionOwners owners;

    SessionThreads(int count, SessionExecutorFactory factory) {
        this(count, factory, SessionPlacement.FEWEST_OWNED);
    }

    SessionThreads(int count, SessionExecutorFactory factory, SessionPlacement placement) {
        threads = new SessionThread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = new SessionThread(i, factory.create(i));
        }
        owners = new SessionOwners(threads, placement);
    }

    /** Which thread owns each client id: claimed per connection and per session, released when they end. */
    SessionOwners owners() {
        return owners;
    }

    /**
     * A thread for work that belongs to no session, the same for the same key. floorMod, never Math.abs(h) % n:
     * Math.abs(Integer.MIN_VALUE) is negative.
     */
    SessionThread forKey(String key) {
        return threads[Math.floorMod(key.hashCode(), threads.length)];
    }

    int size() {
        return threads.length;
    }

    SessionThread get(int index) {
        return threads[index];
    }

    /** Lets queued tasks finish, then stops the executors that are {@link ExecutorService}s. */
    void shutdown() {
        for (SessionThread thread : threads) {
            if (thread.executor() instanceof ExecutorService service) {
                service.shutdown();
            }
        }
        for (SessionThread thread : threads) {
            if (thread.executor() instanceof ExecutorService service) {
                awaitTermination(service, thread.index());
            }
        }
    }

    private static void awaitTermination(ExecutorService service, int index) {
        try {
            if (!service.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("session thread {} did not stop in 10 s, interrupting it", index);
                service.shutdownNow();
            }
        } catch (InterruptedException e) {
            service.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
