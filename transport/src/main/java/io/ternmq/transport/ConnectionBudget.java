package io.ternmq.transport;

import java.util.concurrent.atomic.AtomicInteger;

/** A count of open connections with a ceiling (0 = none), shared by the accept paths of several IO threads. */
final class ConnectionBudget {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionBudget(int max) {
        this.max = max;
    }

    /** Takes one place, or answers false and takes nothing when the ceiling is reached. */
    boolean tryAcquire() {
        while (true) {
            int current = open.get();
            if (max > 0 && current >= max) {
                return false;
            }
            if (open.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }
}
