package io.ternmq.store;

/**
 * How durable an acknowledged write is. {@code WAL}: in RocksDB's write-ahead log, not synced; survives a killed
 * process. {@code FSYNC}: the log synced (group-committed); survives power loss. {@code MEMORY}: nothing on disk.
 */
public enum StorageMode {
    WAL, FSYNC, MEMORY;

    /** The name used in configuration: {@code wal}, {@code fsync}, {@code memory}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
