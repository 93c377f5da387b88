package io.ternmq.store.rocksdb;

import io.ternmq.store.WriteLimits;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The changes submitted to the writer and not yet written, counted in entries and approximate bytes, and the
 * callbacks waiting for the backlog to fall to the low-water mark. Submitters add (any thread), the writer
 * subtracts after each batch and then runs the waiting callbacks if the backlog is low enough.
 * <p>
 * A callback registered while the backlog looks high is checked again after it is queued: either the writer's
 * next drain sees it, or this re-check sees the writer's subtraction, so no callback waits forever on an idle writer.
 */
final class WriteBacklog {

    /** Roughly what a change costs besides its key and value: the record, the array headers, the queue node. */
    static final int CHANGE_OVERHEAD_BYTES = 64;

    private final WriteLimits limits;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    WriteBacklog(WriteLimits limits) {
        this.limits = limits;
    }

    static long sizeOf(Change change) {
        return CHANGE_OVERHEAD_BYTES + switch (change) {
            case Change.Put put -> put.key().length + put.value().length;
            case Change.Delete delete -> delete.key().length;
            case Change.DeleteRange range -> range.from().length + range.to().length;
            case Change.Atomic atomic -> {
                long parts = 0;
                for (Change part : atomic.parts()) { // a loop, not a stream: once per queued message sent
                    parts += sizeOf(part);
                }
                yield parts;
            }
            case Change.Fence fence -> 0;
            case Change.Stop stop -> 0;
        };
    }

    void added(long size) {
        entries.incrementAndGet();
        bytes.addAndGet(size);
    }

    void written(long count, long size) {
        entries.addAndGet(-count);
        bytes.addAndGet(-size);
        if (isDrained()) {
            runWaiting();
        }
    }

    boolean isBacklogged() {
        return bytes.get() > limits.highWaterBytes();
    }

    void whenDrained(Runnable callback) {
        if (isDrained()) {
            callback.run();
            return;
        }
        waiting.add(callback);
        if (isDrained()) {
            runWaiting();
        }
    }

    long entries() {
        return entries.get();
    }

    long bytes() {
        return bytes.get();
    }

    private boolean isDrained() {
        return bytes.get() <= limits.lowWaterBytes();
    }

    private void runWaiting() {
        Runnable next;
        while ((next = waiting.poll()) != null) {
            GroupCommitWriter.runGuarded(next);
        }
    }
}
