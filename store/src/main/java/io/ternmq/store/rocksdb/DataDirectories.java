package io.ternmq.store.rocksdb;

import io.ternmq.store.StorageOpenException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The explicit way past an unusable data directory: rename it aside with a timestamp, never delete it. */
public final class DataDirectories {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DataDirectories() {
    }

    /** Renames {@code dataDir} to {@code <name>.corrupt-<UTC timestamp>} next to it; returns the new path. */
    public static Path moveAside(Path dataDir, Instant now) {
        Path absolute = dataDir.toAbsolutePath();
        Path target = absolute.resolveSibling(absolute.getFileName() + ".corrupt-" + STAMP.format(now));
        for (int attempt = 1; Files.exists(target); attempt++) {
            target = absolute.resolveSibling(absolute.getFileName() + ".corrupt-" + STAMP.format(now) + "-" + attempt);
        }
        try {
            Files.move(absolute, target);
            return target;
        } catch (IOException e) {
            throw new StorageOpenException("cannot move data directory " + absolute + " aside to " + target + ": "
                    + e, e);
        }
    }
}
