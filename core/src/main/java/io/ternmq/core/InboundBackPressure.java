package io.ternmq.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops reading from a connection rather than queueing without bound (DESIGN section 3), for either of two
 * reasons. Its packets arrive faster than its session thread handles them: counts events handed to the session
 * thread and not yet run; at {@link #PAUSE_AT} reading pauses, at {@link #RESUME_AT} it resumes. Or its publishes
 * wait for a storage writer that is behind: held from {@link #holdForStorage} until {@link #releaseStorage}.
 * Reading resumes only when neither reason holds.
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
    private boolean queueFull;
    private boolean storageHeld;

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

    /** The storage is backlogged: read nothing more until {@link #releaseStorage}. */
    synchronized void holdForStorage() {
        storageHeld = true;
        update();
    }

    /** The storage has drained to its low-water mark. */
    synchronized void releaseStorage() {
        storageHeld = false;
        update();
    }

    private synchronized void update() {
        if (!queueFull && pending.get() >= PAUSE_AT) {
            queueFull = true;
        }
        if (queueFull && pending.get() <= RESUME_AT) {
            queueFull = false;
        }
        boolean pause = queueFull || storageHeld;
        if (pause != paused) {
            paused = pause;
            channel.readPaused(pause ? ClientChannel.ReadState.PAUSED : ClientChannel.ReadState.READING);
        }
    }
}
