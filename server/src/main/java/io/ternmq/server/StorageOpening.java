package io.ternmq.server;

import io.ternmq.core.CoreStores;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StorageOpenException;
import io.ternmq.store.WriteLimits;
import io.ternmq.store.memory.InMemoryStorage;
import io.ternmq.store.rocksdb.DataDirectories;
import io.ternmq.store.rocksdb.RocksStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

/**
 * Opens the storage of the configured mode and builds what reads it (the core recovers from it in its
 * constructor). An unreadable directory fails startup naming the file, unless the policy is
 * {@link CorruptDataPolicy#MOVE_ASIDE}: then it is renamed aside (logged loudly) and the broker starts empty.
 */
final class StorageOpening {

    private static final Logger log = LoggerFactory.getLogger(StorageOpening.class);

    private StorageOpening() {
    }

    /** The storage and the component built on it; on failure the storage is closed again. */
    record Opened<T>(Storage storage, T user) {
    }

    static <T> Opened<T> open(Path dataDir, StorageMode mode, WriteLimits limits, CorruptDataPolicy policy,
                              Function<CoreStores, T> build) {
        try {
            return attempt(dataDir, mode, limits, build);
        } catch (StorageOpenException e) {
            if (policy != CorruptDataPolicy.MOVE_ASIDE) {
                throw new BrokerStartException(e.getMessage(), e);
            }
            Path aside = DataDirectories.moveAside(dataDir, Instant.now());
            log.warn("data directory {} is unreadable ({}); moved aside to {} as asked, starting empty",
                    dataDir.toAbsolutePath(), e.getMessage(), aside);
            return attempt(dataDir, mode, limits, build);
        }
    }

    private static <T> Opened<T> attempt(Path dataDir, StorageMode mode, WriteLimits limits,
                                         Function<CoreStores, T> build) {
        Storage storage = mode == StorageMode.MEMORY ? new InMemoryStorage()
                : RocksStorage.open(dataDir, mode, limits);
        try {
            return new Opened<>(storage, build.apply(new CoreStores(storage)));
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }
}
