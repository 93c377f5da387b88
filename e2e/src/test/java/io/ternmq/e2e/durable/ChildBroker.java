package io.ternmq.e2e.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link CrashTestBroker} in a child JVM on the test class path; killed like {@code kill -9}. */
final class ChildBroker implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a child on {@code dataDir}, its JVM's temporary files in {@code jvmTempDir}: a directory of the test's,
     * so that whatever a killed child leaves there (RocksDB unpacks its 15 MB native library into it) can be checked
     * and is removed with the test.
     */
    static ChildBroker start(Path dataDir, Path jvmTempDir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + jvmTempDir, "-cp", System.getProperty("java.class.path"),
                CrashTestBroker.class.getName(), dataDir.toString()))
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(CrashTestBroker.PORT_LINE)) {
                    int port = Integer.parseInt(line.substring(CrashTestBroker.PORT_LINE.length()).strip());
                    drainInBackground(output);
                    return new ChildBroker(process, port);
                }
                seen.append(line).append('\n');
            }
            process.destroyForcibly();
            throw new AssertionError("the child broker ended before listening:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child must never block on a full pipe. */
    private static void drainInBackground(BufferedReader output) {
        Thread.ofVirtual().start(() -> {
            try {
                while (output.readLine() != null) {
                    // discarded: the child's log is not part of the assertions
                }
            } catch (IOException ended) {
                // the child is gone
            }
        });
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush; only what RocksDB's WAL holds survives. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the child broker did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
