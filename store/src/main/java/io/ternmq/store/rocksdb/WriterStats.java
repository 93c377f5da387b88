package io.ternmq.store.rocksdb;

import io.ternmq.store.StorageStats;

/**
 * The writer's counters. Only the writer thread updates them (plain increments of volatile fields are safe with
 * one writer); any thread reads.
 */
final class WriterStats implements StorageStats {

    private final WriteBacklog backlog;
    private volatile long batches;
    private volatile long entries;
    private volatile long lastBatch;
    private volatile long nanos;
    private volatile BatchObserver observer = (count, time) -> { };

    WriterStats(WriteBacklog backlog) {
        this.backlog = backlog;
    }

    /** On the writer thread, after a batch reached the database. */
    void batchWritten(int count, long time) {
        batches++;
        entries += count;
        lastBatch = count;
        nanos += time;
        BatchObserver current = observer;
        GroupCommitWriter.runGuarded(() -> current.written(count, time));
    }

    @Override
    public long writeBatches() {
        return batches;
    }

    @Override
    public long entriesWritten() {
        return entries;
    }

    @Override
    public long lastBatchSize() {
        return lastBatch;
    }

    @Override
    public long writeNanos() {
        return nanos;
    }

    @Override
    public long pendingWrites() {
        return backlog.entries();
    }

    @Override
    public long pendingBytes() {
        return backlog.bytes();
    }

    @Override
    public void observeBatches(BatchObserver batchObserver) {
        observer = batchObserver;
    }
}
