package io.ternmq.e2e.robustness;

import io.ternmq.server.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * {@code ternmq start} (the real {@link Main}) in a child JVM on the test class path, on an ephemeral port read
 * from its log, with wal storage in the given directory. The output goes to a file rather than a pipe: a pipe's
 * last bytes can be lost when the JDK drains it at the child's exit, and the last lines are the shutdown's.
 */
final class CliBrokerProcess implements AutoCloseable {

    private static final Pattern LISTENING =
            Pattern.compile("Listening for MQTT 3\\.1\\.1 on mqtt://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private CliBrokerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static CliBrokerProcess start(Path dataDir, Path log) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "start", "--bind", "127.0.0.1",
                "--port", "0", "--data-dir", dataDir.toString(), "--storage-mode", "wal"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int port = await().atMost(Duration.ofSeconds(60)).until(() -> listeningPort(process, log), p -> p > 0);
            return new CliBrokerProcess(process, log, port);
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw new AssertionError("ternmq start did not come up:\n" + read(log), e);
        }
    }

    private static int listeningPort(Process process, Path log) {
        Matcher listening = LISTENING.matcher(read(log));
        if (listening.find()) {
            return Integer.parseInt(listening.group(1));
        }
        if (!process.isAlive()) {
            throw new AssertionError("ternmq start ended with " + process.exitValue() + " before listening");
        }
        return 0;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** SIGTERM (what {@link Process#destroy()} sends on Linux), then the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ternmq start did not stop within 60 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        return read(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
