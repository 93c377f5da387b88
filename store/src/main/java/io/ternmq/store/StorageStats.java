package io.ternmq.store;

/**
 * What the storage's writer has done and has still to do, for metrics. Every method is cheap and callable from any
 * thread; a storage without a writer (the in-memory twin) reports {@link #NONE}.
 */
public interface StorageStats {

    /** Write batches (rounds of group commit) written. */
    long writeBatches();

    /** Changes (row puts, deletes, range deletes) written, over all batches. */
    long entriesWritten();

    /** Changes in the most recent batch. */
    long lastBatchSize();

    /** Time spent in database writes (sync included in fsync mode), over all batches. */
    long writeNanos();

    /** Changes and fences submitted and not yet written. */
    long pendingWrites();

    /** Approximate bytes held by the changes not yet written. */
    long pendingBytes();

    /** Called by the writer after each batch; must be fast and must not block. */
    @FunctionalInterface
    interface BatchObserver {
        void written(int entries, long nanos);
    }

    /** Sets the one observer of written batches (metrics); replaces any earlier one. */
    void observeBatches(BatchObserver observer);

    StorageStats NONE = new StorageStats() {
        @Override
        public long writeBatches() {
            return 0;
        }

        @Override
        public long entriesWritten() {
            return 0;
        }

        @Override
        public long lastBatchSize() {
            return 0;
        }

        @Override
        public long writeNanos() {
            return 0;
        }

        @Override
        public long pendingWrites() {
            return 0;
        }

        @Override
        public long pendingBytes() {
            return 0;
        }

        @Override
        public void observeBatches(BatchObserver observer) {
            // nothing is ever written in batches
        }
    };
}
