package io.ternmq.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stops reading from a connection rather than queueing without bound (DESIGN section 3), for any of three
 * reasons. Its packets arrive faster than its session thread handles them: counts events handed to the session
 * thread and not yet run; at {@link #PAUSE_AT} reading pauses, at {@link #RESUME_AT} it resumes (the same with
 * the bytes of those events against the client's memory budget: paused at the limit, resumed at a quarter). Or
 * its publishes wait for a storage writer that is behind: held from {@link #holdForStorage} until
 * {@link #releaseStorage}. Or the broker's memory budget is exhausted: held from {@link #holdForMemory} until
 * {@link #releaseMemory}. Reading resumes only when no reason holds.
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
    private final MemoryBudget memory;
    private final long pauseAtBytes;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile boolean paused;
    private boolean queueFull;
    private boolean storageHeld;
    private boolean memoryHeld;

    /** With no memory budget beyond the default one of its own (tests of the other reasons). */
    InboundBackPressure(ClientChannel channel) {
        this(channel, new MemoryBudget(MemoryLimits.defaults()));
    }

    InboundBackPressure(ClientChannel channel, MemoryBudget memory) {
        this.channel = channel;
        this.memory = memory;
        this.pauseAtBytes = memory.limits().clientBytes();
    }

    /** On the IO thread, before handing an event over that holds no message. */
    void posted() {
        posted(0);
    }

    /** On the session thread, once an event that held no message has run. */
    void handled() {
        handled(0);
    }

    /** On the IO thread, before handing an event over; {@code bytes} of message it holds (0 for no PUBLISH). */
    void posted(long bytes) {
        boolean full = pending.incrementAndGet() >= PAUSE_AT;
        if (bytes > 0) {
            memory.add(bytes);
            full |= pendingBytes.addAndGet(bytes) >= pauseAtBytes;
        }
        if (full && !paused) {
            update();
        }
    }

    /** On the session thread, once an event has run. */
    void handled(long bytes) {
        if (bytes > 0) {
            memory.add(-bytes);
            pendingBytes.addAndGet(-bytes);
        }
        if (pending.decrementAndGet() <= RESUME_AT && paused) {
            update();
        }
    }

    /**
     * The broker's memory budget is exhausted: read nothing more until {@link #releaseMemory}. False when already
     * held for it (more packets of the same read batch).
     */
    synchronized boolean holdForMemory() {
        if (memoryHeld) {
            return false;
        }
        memoryHeld = true;
        update();
        return true;
    }

    /** The broker's held bytes fell below the resume mark. */
    synchronized void releaseMemory() {
        memoryHeld = false;
        update();
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
        boolean pause = shouldPause();
        if (pause && !paused) {
            paused = true;
            channel.readPaused(ClientChannel.ReadState.PAUSED);
            // The session thread resumes only when it sees paused; what it handled before it could see it (after
            // the count was read above) it did not act on: read the count again, now that paused is visible.
            pause = shouldPause();
        }
        if (!pause && paused) {
            paused = false;
            channel.readPaused(ClientChannel.ReadState.READING);
        }
    }

    /** Whether any reason holds now; the queue is full from the pause mark until it is back at the resume mark. */
    private boolean shouldPause() {
        if (!queueFull && (pending.get() >= PAUSE_AT || pendingBytes.get() >= pauseAtBytes)) {
            queueFull = true;
        }
        if (queueFull && pending.get() <= RESUME_AT && pendingBytes.get() <= pauseAtBytes / 4) {
            queueFull = false;
        }
        return queueFull || storageHeld || memoryHeld;
    }
}
