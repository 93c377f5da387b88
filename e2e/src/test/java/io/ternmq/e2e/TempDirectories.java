package io.ternmq.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Temporary directories for tests that need one beyond a single test method, deleted with their contents when the
 * test JVM exits. {@code File.deleteOnExit} alone leaves a directory that still holds files.
 */
public final class TempDirectories {

    private static final Queue<Path> CREATED = new ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TempDirectories::deleteRecursively),
                "test temp directories"));
    }

    private TempDirectories() {
    }

    /** A new directory under the system's temporary directory, deleted at exit. */
    public static Path create(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            CREATED.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code root} and everything in it; what is already gone is skipped. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
