package io.ternmq.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops reading from a connection whose packets arrive faster than its session thread handles them, rather than
 * queueing without bound (DESIGN section 3). Counts events handed to the session thread and not yet run: at
 * {@link #PAUSE_AT} reading pauses, at {@link #RESUME_AT} it resumes.
 * <p>
 * The IO thread increments and may pause; the session thread decrements and may resume. Transitions happen under
 * this object's lock so that the transport sees PAUSED/READING in the order decided. After pausing, the count is
 * read again: either the session thread saw {@code paused} (and will resume) or this re-read sees its decrements,
 * so reading never stays paused with nothing pending.
 */
final class InboundBackPressure {

    static final int PAUSE_AT = 1_024;
    static final int RESUME_AT = 256;

    private final ClientChannel channel;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean paused;

    InboundBackPressure(ClientChannel channel) {
        this.channel = channel;
    }

    /** On the IO thread, before handing an event over. */
    void posted() {
        if (pending.incrementAndGet() >= PAUSE_AT && !paused) {
            update();
        }
    }

    /** On the session thread, once an event has run. */
    void handled() {
        if (pending.decrementAndGet() <= RESUME_AT && paused) {
            update();
        }
    }

    private synchronized void update() {
        if (!paused && pending.get() >= PAUSE_AT) {
            paused = true;
            channel.readPaused(ClientChannel.ReadState.PAUSED);
        }
        if (paused && pending.get() <= RESUME_AT) {
            paused = false;
            channel.readPaused(ClientChannel.ReadState.READING);
        }
    }
}
