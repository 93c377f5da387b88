package io.ternmq.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so. */
final class FakeClock implements Clock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long currentTimeMillis() {
        return nanos.get() / 1_000_000L;
    }

    /** Moves both clocks forward. */
    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
