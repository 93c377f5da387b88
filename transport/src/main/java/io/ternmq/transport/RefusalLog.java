package io.ternmq.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts connections a listener refused and logs them at most once per second: a connection flood must not turn
 * into a log flood. The line says how many were refused since the previous line and the latest reason.
 */
final class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String listenerName;
    private final LongSupplier nanoTime;
    private final AtomicLong total = new AtomicLong();
    private long unlogged;
    private long lastLogged;
    private boolean loggedOnce;

    RefusalLog(String listenerName, LongSupplier nanoTime) {
        this.listenerName = listenerName;
        this.nanoTime = nanoTime;
    }

    /** Counts one refusal; answers whether this call logged a line (for tests). */
    boolean refused(Admission reason) {
        total.incrementAndGet();
        long since;
        synchronized (this) {
            unlogged++;
            long now = nanoTime.getAsLong();
            if (loggedOnce && now - lastLogged < INTERVAL_NANOS) {
                return false;
            }
            loggedOnce = true;
            lastLogged = now;
            since = unlogged;
            unlogged = 0;
        }
        log.warn("listener '{}' refused {} connection(s): {}", listenerName, since, reason.description());
        return true;
    }

    long total() {
        return total.get();
    }
}
