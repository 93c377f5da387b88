package io.ternmq.store.rocksdb;

import io.ternmq.protocol.Qos;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageContract;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.WriteLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RocksStorageTest extends StorageContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage open() {
        return RocksStorage.open(dataDir, StorageMode.WAL);
    }

    @Test
    void reopen_afterClose_keepsEveryKind() {
        storage.sessions().save(new StoredSession("c1", Map.of("a/#", Qos.AT_LEAST_ONCE)));
        storage.queues().add(new QueuedMessage("c1", 1, 1, Qos.AT_LEAST_ONCE, false));
        storage.retained().put(new RetainedMessage("r", bytes("kept"), Qos.AT_LEAST_ONCE));
        storage.close();

        storage = RocksStorage.open(dataDir, StorageMode.FSYNC);

        assertThat(storage.mode()).isEqualTo(StorageMode.FSYNC);
        assertThat(storage.sessions().find("c1")).isPresent();
        List<QueuedMessage> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(queued).hasSize(1);
        assertThat(storage.retained().all()).hasSize(1);
    }

    @Test
    void stats_afterWrites_countBatchesEntriesAndTimeAndNothingPending() throws Exception {
        var observed = new AtomicLong();
        storage.stats().observeBatches((entries, nanos) -> observed.addAndGet(entries));
        var written = new CompletableFuture<Void>();
        for (int i = 1; i <= 10; i++) {
            storage.queues().add(new QueuedMessage("c1", i, i, Qos.AT_LEAST_ONCE, false));
        }
        storage.afterWrites(() -> written.complete(null));
        written.get(10, TimeUnit.SECONDS);

        assertThat(storage.stats().writeBatches()).isPositive();
        assertThat(storage.stats().entriesWritten()).isEqualTo(10);
        assertThat(storage.stats().lastBatchSize()).isPositive();
        assertThat(storage.stats().writeNanos()).isPositive();
        assertThat(observed).hasValue(10);
        assertThat(storage.stats().pendingWrites()).isZero(); // counted down before the round's fences run
        assertThat(storage.stats().pendingBytes()).isZero();
        assertThat(storage.isBacklogged()).isFalse();
    }

    @Test
    void backlog_writerHeldBeyondHighWater_backloggedUntilDrainedThenEveryRowStored() throws Exception {
        storage.close();
        storage = RocksStorage.open(dataDir, StorageMode.WAL, new WriteLimits(20_000, 10_000));
        var writerHeld = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        storage.afterWrites(() -> { // runs on the writer thread: holds it as a slow disk would
            writerHeld.countDown();
            awaitQuietly(release);
        });
        assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 200; i++) {
            storage.messages().put(new StoredMessage(i, "t", Qos.AT_LEAST_ONCE, new byte[200]));
        }
        var drained = new CountDownLatch(1);
        storage.whenDrained(drained::countDown);

        assertThat(storage.isBacklogged()).isTrue();
        assertThat(storage.stats().pendingWrites()).isEqualTo(200);
        assertThat(drained.getCount()).isOne();

        release.countDown();
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(storage.isBacklogged()).isFalse();
        List<Long> ids = new ArrayList<>();
        storage.messages().forEach(m -> ids.add(m.id()));
        assertThat(ids).hasSize(200);
    }

    /** The writer cuts rounds anywhere between changes, and a crash keeps whole rounds: a move must be one change. */
    @Test
    void moveToInflight_writerHeld_waitsAsOneChangeSoNoCrashKeepsHalfOfIt() throws Exception {
        storage.queues().add(new QueuedMessage("c", 7, 70, Qos.AT_LEAST_ONCE, false));
        var writerHeld = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        storage.afterWrites(() -> {
            writerHeld.countDown();
            awaitQuietly(release);
        });
        assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();

        storage.moveToInflight(new InflightEntry("c", 7, 3, 70, Qos.AT_LEAST_ONCE, false,
                InflightStage.PUBLISH_SENT));

        assertThat(storage.stats().pendingWrites()).isOne();
        release.countDown();
        var written = new CompletableFuture<Void>();
        storage.afterWrites(() -> written.complete(null));
        written.get(10, TimeUnit.SECONDS);
        assertThat(storage.stats().entriesWritten()).isEqualTo(3); // the queue row, then the move's two rows
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void open_capsRocksDbInfoLogs() throws Exception {
        assertThat(RocksStorage.MAX_INFO_LOG_BYTES).isLessThanOrEqualTo(8L * 1024 * 1024);
        assertThat(RocksStorage.KEPT_INFO_LOGS).isLessThanOrEqualTo(4);
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("CURRENT", "LOG");
        }
    }
}
