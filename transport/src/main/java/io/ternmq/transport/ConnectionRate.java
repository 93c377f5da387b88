package io.ternmq.transport;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket of new connections: it holds at most {@code perSecond} tokens (the allowed burst) and regains
 * {@code perSecond} tokens per second; each accepted connection takes one. 0 means unlimited. Accepts are rare
 * next to packets, so a lock is cheap here.
 */
final class ConnectionRate {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int perSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;

    ConnectionRate(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.tokens = perSecond;
        this.lastRefill = nanoTime.getAsLong();
    }

    synchronized boolean tryAcquire() {
        if (perSecond == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(perSecond, tokens + (now - lastRefill) / NANOS_PER_SECOND * perSecond);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
