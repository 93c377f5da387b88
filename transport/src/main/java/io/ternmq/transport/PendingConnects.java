package io.ternmq.transport;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The broker-wide cap on connections that have not delivered their CONNECT yet: a connect storm (or sockets
 * opened and left silent) then holds at most that many pipelines until {@code limits.connect_timeout} frees them.
 * A connection holds its place from accept until its CONNECT is decoded or it closes, whichever comes first;
 * connections beyond the cap are closed at accept, counted and logged at most once per second.
 */
final class PendingConnects {

    private static final Logger log = LoggerFactory.getLogger(PendingConnects.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConnectionBudget budget;
    private final LongSupplier nanoTime;
    private final AtomicLong refused = new AtomicLong();
    private long unlogged;
    private long lastLogged;
    private boolean loggedOnce;

    PendingConnects(int max, LongSupplier nanoTime) {
        this.budget = new ConnectionBudget(max);
        this.nanoTime = nanoTime;
    }

    /** A place for {@code channel}, released when it closes at the latest; null (counted) when the cap is reached. */
    @Nullable Place admit(Channel channel) {
        if (!budget.tryAcquire()) {
            refused(SocketAddresses.format(channel.remoteAddress()));
            return null;
        }
        Place place = new Place();
        channel.closeFuture().addListener(closed -> place.release());
        return place;
    }

    long pending() {
        return budget.open();
    }

    long refused() {
        return refused.get();
    }

    private void refused(String remote) {
        refused.incrementAndGet();
        long since;
        synchronized (this) {
            unlogged++;
            long now = nanoTime.getAsLong();
            if (loggedOnce && now - lastLogged < LOG_INTERVAL_NANOS) {
                return;
            }
            loggedOnce = true;
            lastLogged = now;
            since = unlogged;
            unlogged = 0;
        }
        log.warn("refused {} connection(s) (latest from {}): limits.max_pending_connects connections are waiting "
                + "for their CONNECT", since, remote);
    }

    /** One connection's place; released exactly once, by its CONNECT or by its close. */
    final class Place {

        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                budget.release();
            }
        }
    }
}
