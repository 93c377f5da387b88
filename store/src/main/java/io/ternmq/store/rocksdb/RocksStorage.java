package io.ternmq.store.rocksdb;

import io.ternmq.store.InboundPacketIdStore;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStore;
import io.ternmq.store.MessageStore;
import io.ternmq.store.QueueStore;
import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StorageOpenException;
import io.ternmq.store.StorageStats;
import io.ternmq.store.WillStore;
import io.ternmq.store.WriteLimits;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The durable storage of one node: one RocksDB database in the data directory, a column family per
 * {@link Family}, all writes through one {@link GroupCommitWriter}. RocksDB's own info log is capped
 * ({@link #MAX_INFO_LOG_BYTES} per file, {@link #KEPT_INFO_LOGS} files).
 */
public final class RocksStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(RocksStorage.class);
    static final long MAX_INFO_LOG_BYTES = 8L * 1024 * 1024;
    static final long KEPT_INFO_LOGS = 4;

    private final StorageMode mode;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final GroupCommitWriter writer;
    private final Map<Family, FamilyAccess> families = new EnumMap<>(Family.class);
    private final SessionStore sessions;
    private final MessageStore messages;
    private final QueueStore queues;
    private final InflightStore inflight;
    private final InboundPacketIdStore inbound;
    private final RetainedMessageStore retained;
    private final WillStore wills;

    private RocksStorage(StorageMode mode, DBOptions dbOptions, ColumnFamilyOptions familyOptions, RocksDB db,
                         List<ColumnFamilyHandle> handles, Path dataDir, WriteLimits limits) {
        this.mode = mode;
        this.dbOptions = dbOptions;
        this.familyOptions = familyOptions;
        this.db = db;
        this.handles = handles;
        this.writer = new GroupCommitWriter(db, mode, limits);
        for (Family family : Family.values()) {
            families.put(family, new FamilyAccess(db, handles.get(family.ordinal() + 1), writer, family, dataDir));
        }
        sessions = new RocksSessionStore(families.get(Family.SESSIONS));
        messages = new RocksMessageStore(families.get(Family.MESSAGES));
        queues = new RocksQueueStore(families.get(Family.QUEUES));
        inflight = new RocksInflightStore(families.get(Family.INFLIGHT));
        inbound = new RocksInboundPacketIdStore(families.get(Family.INBOUND));
        retained = new RocksRetainedStore(families.get(Family.RETAINED));
        wills = new RocksWillStore(families.get(Family.WILLS));
    }

    /**
     * Opens (or creates) the database in {@code dataDir}. Corrupt, unreadable or foreign data stops with a
     * {@link StorageOpenException} naming the file; nothing is ever discarded here.
     */
    public static RocksStorage open(Path dataDir, StorageMode mode) {
        return open(dataDir, mode, WriteLimits.DEFAULT);
    }

    /** As {@link #open(Path, StorageMode)}, with how far the writer may fall behind before publishers pause. */
    public static RocksStorage open(Path dataDir, StorageMode mode, WriteLimits limits) {
        if (mode == StorageMode.MEMORY) {
            throw new IllegalArgumentException("the memory mode has no database");
        }
        NativeLibrary.load();
        createDirectory(dataDir);
        refuseForeignDirectory(dataDir);
        var dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxLogFileSize(MAX_INFO_LOG_BYTES).setKeepLogFileNum(KEPT_INFO_LOGS).setParanoidChecks(true);
        var familyOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (Family family : Family.values()) {
            descriptors.add(new ColumnFamilyDescriptor(family.nameBytes(), familyOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db;
        try {
            db = RocksDB.open(dbOptions, dataDir.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            familyOptions.close();
            dbOptions.close();
            throw new StorageOpenException(openFailure(dataDir, e), e);
        }
        try {
            checkFormat(db, dataDir);
        } catch (RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            db.close();
            familyOptions.close();
            dbOptions.close();
            throw e;
        }
        LOG.info("storage opened in {} (mode {}, format version {})", dataDir.toAbsolutePath(), mode.configName(),
                FormatVersion.CURRENT);
        return new RocksStorage(mode, dbOptions, familyOptions, db, handles, dataDir, limits);
    }

    private static void createDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageOpenException("cannot create data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
    }

    /** A directory with files but no RocksDB CURRENT file is not ours: never write into it. */
    private static void refuseForeignDirectory(Path dataDir) {
        try (var entries = Files.list(dataDir)) {
            boolean hasFiles = entries.findAny().isPresent();
            if (hasFiles && !Files.exists(dataDir.resolve("CURRENT"))) {
                throw new StorageOpenException("data directory " + dataDir.toAbsolutePath() + " is not a TernMQ"
                        + " database: file " + dataDir.resolve("CURRENT") + " is missing;" + MOVE_ASIDE_HINT);
            }
        } catch (IOException e) {
            throw new StorageOpenException("cannot read data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
    }

    private static final String MOVE_ASIDE_HINT =
            " start with --recover-move-aside (storage.recover: move-aside) to move it aside and start empty";

    private static String openFailure(Path dataDir, RocksDBException e) {
        String detail = String.valueOf(e.getMessage());
        String file = detail.contains(dataDir.toString()) ? "" : " (file " + dataDir.resolve("CURRENT") + " and the"
                + " files it names)";
        return "cannot open data directory " + dataDir.toAbsolutePath() + file + ": " + detail + ";"
                + MOVE_ASIDE_HINT;
    }

    private static void checkFormat(RocksDB db, Path dataDir) {
        try {
            byte[] stored = db.get(FormatVersion.KEY);
            if (stored == null) {
                try (var options = new WriteOptions().setSync(true)) {
                    db.put(options, FormatVersion.KEY, FormatVersion.encode(FormatVersion.CURRENT));
                }
                return;
            }
            int version;
            try {
                version = FormatVersion.decode(stored);
            } catch (CorruptValueException e) {
                throw new StorageOpenException("corrupt format version in " + dataDir.toAbsolutePath() + ";"
                        + MOVE_ASIDE_HINT, e);
            }
            if (version < FormatVersion.OLDEST_READABLE || version > FormatVersion.CURRENT) {
                throw new StorageOpenException("data directory " + dataDir.toAbsolutePath() + " has format version "
                        + version + ", this TernMQ reads versions " + FormatVersion.OLDEST_READABLE + " to "
                        + FormatVersion.CURRENT + ";" + MOVE_ASIDE_HINT);
            }
            if (version < FormatVersion.CURRENT) {
                try (var options = new WriteOptions().setSync(true)) {
                    db.put(options, FormatVersion.KEY, FormatVersion.encode(FormatVersion.CURRENT));
                }
                LOG.info("data directory {} upgraded from format version {} to {}", dataDir.toAbsolutePath(),
                        version, FormatVersion.CURRENT);
            }
        } catch (RocksDBException e) {
            throw new StorageOpenException(openFailure(dataDir, e), e);
        }
    }

    @Override
    public StorageMode mode() {
        return mode;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public QueueStore queues() {
        return queues;
    }

    @Override
    public InflightStore inflight() {
        return inflight;
    }

    @Override
    public InboundPacketIdStore inboundPacketIds() {
        return inbound;
    }

    @Override
    public RetainedMessageStore retained() {
        return retained;
    }

    @Override
    public WillStore wills() {
        return wills;
    }

    @Override
    public void moveToInflight(InflightEntry entry) {
        families.get(Family.INFLIGHT).putDeleting(InflightCodec.key(entry), InflightCodec.value(entry),
                families.get(Family.QUEUES), ClientKeys.key(entry.clientId(), entry.sequence()));
    }

    @Override
    public void afterWrites(Runnable callback) {
        writer.submit(new Change.Fence(callback));
    }

    @Override
    public boolean isBacklogged() {
        return writer.backlog().isBacklogged();
    }

    @Override
    public void whenDrained(Runnable callback) {
        writer.backlog().whenDrained(callback);
    }

    @Override
    public StorageStats stats() {
        return writer.stats();
    }

    /** Writes what is pending, syncs the log, and closes the database. */
    @Override
    public void close() {
        writer.close();
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            LOG.warn("syncing the write-ahead log on close failed", e);
        }
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        familyOptions.close();
        dbOptions.close();
    }
}
