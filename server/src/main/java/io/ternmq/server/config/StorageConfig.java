package io.ternmq.server.config;

import java.nio.file.Path;

/**
 * The {@code storage} section: where the broker keeps its data, how durable it is ({@code wal}, {@code fsync},
 * {@code memory}), what an unreadable directory does ({@code stop}, {@code move-aside}) and how many bytes of
 * changes may wait for the writer before publishers are paused.
 */
public record StorageConfig(Path dataDir, String mode, String onCorrupt, int maxPendingWrites) {
}
