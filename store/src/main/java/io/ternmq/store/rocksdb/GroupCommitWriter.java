package io.ternmq.store.rocksdb;

import io.ternmq.store.StorageMode;
import io.ternmq.store.WriteLimits;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one writer of the database. Callers submit changes to an unbounded queue (never blocking); the writer
 * thread takes everything queued so far, writes it as one {@link WriteBatch} (atomic, one WAL record, one sync in
 * {@code fsync} mode), then runs the fences of that round. A crash therefore keeps a prefix of the submitted
 * changes that ends between two rounds: changes that must survive together are submitted as one
 * {@link Change.Atomic}. The batch grows with the load by itself: while one round is written the next one
 * accumulates (adaptive group commit). After a failed write no fence ever runs again: nothing is acknowledged
 * that may not be stored.
 * <p>
 * The queue is unbounded so that no submitter ever blocks, but it is measured ({@link WriteBacklog}): above the
 * high-water mark the storage reports itself backlogged and the broker stops reading from publishers until the
 * writer has brought it down to the low-water mark.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_CHANGES_PER_ROUND = 16_384;

    private final RocksDB db;
    private final WriteOptions options;
    private final LinkedBlockingQueue<Change> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final WriteBacklog backlog;
    private final WriterStats stats;
    private volatile boolean failed;

    GroupCommitWriter(RocksDB db, StorageMode mode, WriteLimits limits) {
        this.db = db;
        this.options = new WriteOptions().setSync(mode == StorageMode.FSYNC);
        this.backlog = new WriteBacklog(limits);
        this.stats = new WriterStats(backlog);
        this.thread = Thread.ofPlatform().name("ternmq-store-writer").daemon().unstarted(this::run);
        thread.start();
    }

    void submit(Change change) {
        backlog.added(WriteBacklog.sizeOf(change)); // counted before the writer can see it, so never negative
        pending.add(change);
    }

    WriteBacklog backlog() {
        return backlog;
    }

    WriterStats stats() {
        return stats;
    }

    private void run() {
        List<Change> round = new ArrayList<>();
        List<Runnable> fences = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                round.add(pending.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pending.drainTo(round, MAX_CHANGES_PER_ROUND);
            long roundBytes = 0;
            for (Change change : round) {
                roundBytes += WriteBacklog.sizeOf(change);
            }
            try (var batch = new WriteBatch()) {
                for (Change change : round) {
                    switch (change) {
                        case Change.Fence fence -> fences.add(fence.callback());
                        case Change.Stop stop -> stopping = true;
                        default -> addRows(batch, change);
                    }
                }
                if (!failed && batch.count() > 0) {
                    long started = System.nanoTime();
                    db.write(options, batch);
                    stats.batchWritten(batch.count(), System.nanoTime() - started);
                }
            } catch (RocksDBException e) {
                failed = true;
                LOG.error("storage write failed; no further message is acknowledged until restart", e);
            }
            backlog.written(round.size(), roundBytes);
            if (!failed) {
                fences.forEach(GroupCommitWriter::runGuarded);
            }
            round.clear();
            fences.clear();
        }
    }

    private static void addRows(WriteBatch batch, Change change) throws RocksDBException {
        switch (change) {
            case Change.Put put -> batch.put(put.family(), put.key(), put.value());
            case Change.Delete delete -> batch.delete(delete.family(), delete.key());
            case Change.DeleteRange range -> batch.deleteRange(range.family(), range.from(), range.to());
            case Change.Atomic atomic -> {
                for (Change part : atomic.parts()) {
                    addRows(batch, part);
                }
            }
            case Change.Fence fence -> throw new IllegalArgumentException("a fence is no row change");
            case Change.Stop stop -> throw new IllegalArgumentException("a stop is no row change");
        }
    }

    static void runGuarded(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("storage acknowledgement callback failed", e);
        }
    }

    /** Writes everything submitted so far, then stops the thread. */
    @Override
    public void close() {
        submit(new Change.Stop());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        options.close();
    }
}
