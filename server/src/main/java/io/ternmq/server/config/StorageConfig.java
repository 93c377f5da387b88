package io.ternmq.server.config;

import java.nio.file.Path;

/** The {@code storage} section: where the broker keeps its data. */
public record StorageConfig(Path dataDir) {
}
