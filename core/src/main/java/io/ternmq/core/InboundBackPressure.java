package io.ternmq.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Stops reading from a connection rather than queueing without bound (DESIGN section 3), for any of four
 * reasons. Its packets arrive faster than its session thread handles them: counts events handed to the session
 * thread and not yet run; at {@link #PAUSE_AT} reading pauses, at {@link #RESUME_AT} it resumes (the same with
 * the bytes of those events against the client's memory budget: paused at the limit, resumed at a quarter). Or
 * its publishes wait for a storage writer that is behind: held from {@link #holdForStorage} until
 * {@link #releaseStorage}. Or the broker's memory budget is exhausted: held from {@link #holdForMemory} until
 * {@link #releaseMemory}. Or a session thread its messages go to is behind: held from {@link #holdForBacklog} until
 * that thread has caught up. Reading resumes only when no reason holds.
 * <p>
 * The IO thread counts what it posts, the session thread what it handled, each in counters only it writes: no
 * atomic instruction per packet, where this class's four were 5-10 % of an event loop's time. Pending is the
 * difference. The broker-wide {@link MemoryBudget} hears of a connection's pending bytes only in steps of
 * {@link #REPORT_STEP} and when they are back at zero: adding each packet's bytes to the shared counter as it
 * came and went cost two shared writes per message, and with two IO threads 14-18 % of fan-in's throughput
 * (bench/RESULTS.md, eighteenth pass). So the broker-wide figure lags each connection's by less than a step
 * (a connection mid-burst), and is exact for every connection whose packets have all been handled, but for a
 * rare race that the connection's next event settles ({@link #report}).
 * <p>
 * The IO thread may pause, the session thread resumes; transitions happen under this object's lock so that the
 * transport sees PAUSED/READING in the order decided. The session thread's count and its look at
 * {@code paused} may pass each other (no fence between them), so it may miss a pause decided on a count that lacked
 * its last events: a thread other than the session's that leaves reading paused for a full queue therefore posts
 * {@link #recheck} to the session thread, which runs after every event posted before it and then sees both counts
 * as they are.
 */
final class InboundBackPressure {

    static final int PAUSE_AT = 1_024;
    static final int RESUME_AT = 256;
    /**
     * Pending bytes a connection keeps to itself before the broker-wide budget hears of them: above a fan-in
     * publisher's usual read turn (64 messages of ~100 bytes), far below a client's limit (1 MiB by default).
     */
    static final long REPORT_STEP = 8 << 10;

    private static final VarHandle POSTED_EVENTS;
    private static final VarHandle POSTED_BYTES;
    private static final VarHandle HANDLED_EVENTS;
    private static final VarHandle HANDLED_BYTES;
    private static final VarHandle REPORTED_BYTES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            POSTED_EVENTS = lookup.findVarHandle(InboundBackPressure.class, "postedEvents", long.class);
            POSTED_BYTES = lookup.findVarHandle(InboundBackPressure.class, "postedBytes", long.class);
            HANDLED_EVENTS = lookup.findVarHandle(InboundBackPressure.class, "handledEvents", long.class);
            HANDLED_BYTES = lookup.findVarHandle(InboundBackPressure.class, "handledBytes", long.class);
            REPORTED_BYTES = lookup.findVarHandle(InboundBackPressure.class, "reportedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ClientChannel channel;
    private final MemoryBudget memory;
    /** Written under the lock when the session moves ({@link SessionMove}); read under it. */
    private SessionThread owner;
    private final long pauseAtBytes;
    /** Written by the connection's IO thread only (one at a time: a connection moves between loops in order). */
    private long postedEvents;
    private long postedBytes;
    /** Written by the session thread only. */
    private long handledEvents;
    private long handledBytes;
    /** The pending bytes the memory budget holds for this connection; either thread changes it, by CAS. */
    private long reportedBytes;
    private volatile boolean paused;
    private boolean queueFull;
    private boolean storageHeld;
    private boolean memoryHeld;
    /** Written under the lock; read without it by {@link #holdForBacklog}. */
    private volatile boolean backlogHeld;
    private boolean recheckPosted;

    /** With a memory budget of its own and a session thread that runs what it is given at once (tests). */
    InboundBackPressure(ClientChannel channel) {
        this(channel, new MemoryBudget(MemoryLimits.defaults()), new SessionThread(0, Runnable::run));
    }

    InboundBackPressure(ClientChannel channel, MemoryBudget memory, SessionThread owner) {
        this.channel = channel;
        this.memory = memory;
        this.owner = owner;
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
        long events = postedEvents + 1;
        POSTED_EVENTS.setRelease(this, events);
        boolean full = events - (long) HANDLED_EVENTS.getAcquire(this) >= PAUSE_AT;
        if (bytes > 0) {
            long total = postedBytes + bytes;
            POSTED_BYTES.setRelease(this, total);
            long pending = total - (long) HANDLED_BYTES.getAcquire(this);
            full |= pending >= pauseAtBytes;
            if (pending - (long) REPORTED_BYTES.getAcquire(this) >= REPORT_STEP) {
                report(true);
            }
        }
        if (full && !paused) {
            update();
        }
    }

    /** On the session thread, once an event has run. */
    void handled(long bytes) {
        long total = handledBytes;
        if (bytes > 0) {
            total += bytes;
            HANDLED_BYTES.setRelease(this, total);
        }
        // Also after an event without bytes: it settles a report left above zero (see report), at the latest the
        // channel's close, posted after every packet.
        long reported = (long) REPORTED_BYTES.getAcquire(this);
        if (reported != 0) {
            long pending = (long) POSTED_BYTES.getAcquire(this) - total;
            if (pending == 0 || reported - pending >= REPORT_STEP) {
                report(false);
            }
        }
        long events = handledEvents + 1;
        HANDLED_EVENTS.setRelease(this, events);
        if (paused && (long) POSTED_EVENTS.getAcquire(this) - events <= RESUME_AT) {
            update();
        }
    }

    /**
     * Tells the memory budget this connection's pending bytes now, as the change since the last report. Each side
     * reads its own count as it is and the other's as last published, so the figure is never negative. A swap
     * that raced the other side's report fails and is taken again with fresh counts. The posting side also checks
     * that nothing was handled between its read and its swap: a last packet handled then may have seen the old
     * report and left it alone. Without a fence on the session side the two threads' reads can still cross, and a
     * report then stays above zero until the session thread handles the connection's next event of any kind: a
     * keep-alive ping, at the latest the channel's close.
     */
    private void report(boolean onPostingThread) {
        while (true) {
            long reported = (long) REPORTED_BYTES.getAcquire(this);
            long other = onPostingThread
                    ? (long) HANDLED_BYTES.getAcquire(this) : (long) POSTED_BYTES.getAcquire(this);
            long pending = onPostingThread ? postedBytes - other : other - handledBytes;
            if (REPORTED_BYTES.compareAndSet(this, reported, pending)) {
                memory.add(pending - reported);
                if (!onPostingThread || (long) HANDLED_BYTES.getAcquire(this) == other) {
                    return;
                }
            }
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

    /**
     * On the session thread, after a route handed {@code target} a task while it was behind: read nothing more until
     * it has caught up. False when already held for a backlog.
     * <p>
     * A hold is looked at before the lock is taken: the rest of the read batch that was held at its first message
     * comes here once per message, about a million times a second in fan-in on two half cores (bench/RESULTS.md,
     * twentieth pass), and each took and released this lock. A hold released meanwhile by the target's thread may
     * still read as held: that message then goes unheld, and the next one finds the target caught up or holds.
     */
    boolean holdForBacklog(SessionThread target) {
        if (backlogHeld) {
            return false;
        }
        synchronized (this) {
            if (backlogHeld) {
                return false;
            }
            backlogHeld = true;
            update();
        }
        target.whenCaughtUp(this::releaseBacklog); // outside the lock: it may run at once, on this thread
        return true;
    }

    private synchronized void releaseBacklog() {
        backlogHeld = false;
        update();
    }

    /**
     * The connection's session moved to {@code thread}. A recheck already posted to the old owner still does its
     * work there: it only takes the lock and looks at the counts.
     */
    synchronized void movedTo(SessionThread thread) {
        owner = thread;
    }

    private synchronized void recheck() {
        recheckPosted = false;
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
        // Only here may the session thread's last events be missing from the count (see the class comment); on
        // the session thread itself the count can only lack posts, which will come with handled() calls of their own.
        if (paused && queueFull && !recheckPosted && !owner.isCurrent()) {
            recheckPosted = true;
            owner.execute(this::recheck); // rare (a pause): no object per connection kept for it
        }
    }

    /** Whether any reason holds now; the queue is full from the pause mark until it is back at the resume mark. */
    private boolean shouldPause() {
        long events = (long) POSTED_EVENTS.getAcquire(this) - (long) HANDLED_EVENTS.getAcquire(this);
        long bytes = (long) POSTED_BYTES.getAcquire(this) - (long) HANDLED_BYTES.getAcquire(this);
        if (!queueFull && (events >= PAUSE_AT || bytes >= pauseAtBytes)) {
            queueFull = true;
        }
        if (queueFull && events <= RESUME_AT && bytes <= pauseAtBytes / 4) {
            queueFull = false;
        }
        return queueFull || storageHeld || memoryHeld || backlogHeld;
    }
}
