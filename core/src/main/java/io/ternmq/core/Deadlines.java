package io.ternmq.core;

import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * The timers of one session thread (session expiry, delayed wills): actions due at a wall-clock time, run on the
 * owner thread by {@link #runDue(long)} when a {@link DeadlineTicker} tick finds something due. No thread and no
 * scheduled future per session: one heap per thread, earliest first; a cancelled entry stays in the heap until its
 * time comes and is then skipped, so cancelling costs nothing. Wall-clock millis because the times outlive the
 * process (a restored session keeps its expiry). Owner thread only, except {@link #nextDueMillis()}, which the
 * ticker reads from its own thread.
 */
final class Deadlines {

    /** A scheduled action; {@link #cancel()} before it is due and it never runs. Owner thread only. */
    static final class Deadline implements Comparable<Deadline> {
        private final long dueMillis;
        private final long order;
        private final Runnable action;
        private boolean cancelled;

        private Deadline(long dueMillis, long order, Runnable action) {
            this.dueMillis = dueMillis;
            this.order = order;
            this.action = action;
        }

        long dueMillis() {
            return dueMillis;
        }

        void cancel() {
            cancelled = true;
        }

        boolean isCancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Deadline other) {
            int byTime = Long.compare(dueMillis, other.dueMillis);
            return byTime != 0 ? byTime : Long.compare(order, other.order); // same time: in scheduling order
        }
    }

    private final PriorityQueue<Deadline> heap = new PriorityQueue<>();
    private long scheduled;
    private volatile long nextDueMillis = Long.MAX_VALUE;
    /** Told each new earliest due time, from the owner thread: the {@link DeadlineTicker}, so that it wakes. */
    private volatile LongConsumer onEarliestChanged = due -> { };

    /** Installs the listener told each new earliest due time; set before the first deadline is scheduled. */
    void onEarliestChanged(LongConsumer listener) {
        onEarliestChanged = listener;
    }

    /** Runs {@code action} on this thread once the wall clock reaches {@code dueMillis}. */
    Deadline schedule(long dueMillis, Runnable action) {
        var deadline = new Deadline(dueMillis, scheduled++, action);
        heap.add(deadline);
        publishEarliest(heap.peek().dueMillis);
        return deadline;
    }

    /**
     * Runs every action due at {@code nowMillis}, earliest first, including ones an action schedules for a time
     * already past; returns how many ran.
     */
    int runDue(long nowMillis) {
        int ran = 0;
        Deadline next;
        while ((next = heap.peek()) != null && next.dueMillis <= nowMillis) {
            heap.poll();
            if (!next.cancelled) {
                next.cancelled = true; // ran: a late cancel() is harmless
                ran++;
                next.action.run();
            }
        }
        Deadline head = heap.peek();
        publishEarliest(head == null ? Long.MAX_VALUE : head.dueMillis);
        return ran;
    }

    private void publishEarliest(long dueMillis) {
        if (dueMillis != nextDueMillis) {
            nextDueMillis = dueMillis;
            onEarliestChanged.accept(dueMillis);
        }
    }

    /** The earliest time something may be due (a cancelled entry counts until its time); safe from any thread. */
    long nextDueMillis() {
        return nextDueMillis;
    }

    /** Entries in the heap, cancelled ones not yet reached included. */
    int size() {
        return heap.size();
    }
}
