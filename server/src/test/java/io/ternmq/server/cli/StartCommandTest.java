package io.ternmq.server.cli;

import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartCommandTest {

    @TempDir
    Path directory;

    /** --verbose raises io.ternmq to DEBUG for the whole JVM; later tests expect the configured level. */
    @AfterEach
    void restoreLogLevel() {
        ((Logger) LoggerFactory.getLogger("io.ternmq")).setLevel(null);
    }

    @Test
    void dryRun_noConfig_printsEmbeddedDefaults() {
        CliRun run = CliRun.of("start", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("listener\\.port +=  ?1883  \\(default\\)")
                .containsPattern("listener\\.bind += 0\\.0\\.0\\.0  \\(default\\)")
                .containsPattern("storage\\.data_dir += \\./data  \\(default\\)");
    }

    @Test
    void dryRun_flagsEnvironmentAndFile_applyInPrecedenceOrder() throws IOException {
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), """
                listener:
                  port: 1884
                  bind: 127.0.0.1
                limits:
                  max_queued_messages: 5
                """);

        CliRun run = CliRun.withEnvironment(Map.of("TERNMQ_LISTENER_PORT", "1885", "TERNMQ_LIMITS_MAX_QUEUED_MESSAGES",
                        "6"), "start", "--dry-run", "--config", file.toString(), "--port", "1886",
                "--data-dir", "/srv/ternmq", "--set", "limits.max_packet_size=1MB");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("listener\\.port += 1886  \\(option --port\\)")
                .containsPattern("listener\\.bind += 127\\.0\\.0\\.1  \\(.*ternmq\\.yaml line 3\\)")
                .containsPattern("limits\\.max_queued_messages += 6  \\(environment variable "
                        + "TERNMQ_LIMITS_MAX_QUEUED_MESSAGES\\)")
                .containsPattern("limits\\.max_packet_size += 1048576  \\(option --set limits\\.max_packet_size\\)")
                .containsPattern("storage\\.data_dir += /srv/ternmq  \\(option --data-dir\\)");
    }

    @Test
    void start_badConfigKey_exitsOneWithOneLineNamingKeyFileAndLine() throws IOException {
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), "limits:\n  max_pakcet_size: 1MB\n");

        CliRun run = CliRun.of("start", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ternmq: " + file + " line 2: unknown key 'limits.max_pakcet_size' (known: ")
                .hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void start_outOfRangeValue_exitsOneNamingKeyAndValue() throws IOException {
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), "listener:\n  port: 70000\n");

        CliRun run = CliRun.of("start", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("ternmq: " + file + " line 2: listener.port must be 0..65535, was 70000"
                + System.lineSeparator());
    }

    @Test
    void start_missingConfigFile_exitsOneNamingThePath() {
        Path missing = directory.resolve("missing.yaml");

        CliRun run = CliRun.of("start", "--config", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("ternmq: config file not found: " + missing + System.lineSeparator());
    }

    @Test
    void start_portFlagOutOfRange_exitsOneNamingTheOption() {
        CliRun run = CliRun.of("start", "--port", "70000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ternmq: option --port: listener.port must be 0..65535, was 70000");
    }

    @Test
    void start_setUnknownKey_exitsOneListingKnownKeys() {
        CliRun run = CliRun.of("start", "--set", "limits.max_pakcet_size=1MB");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ternmq: option --set limits.max_pakcet_size: unknown key "
                + "'limits.max_pakcet_size' (known: limits.max_packet_size,");
    }

    @Test
    void start_badEnvironmentValue_exitsOneNamingTheVariable() {
        CliRun run = CliRun.withEnvironment(Map.of("TERNMQ_SESSIONS_THREADS", "lots"), "start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ternmq: environment variable TERNMQ_SESSIONS_THREADS: sessions.threads "
                + "must be auto or an integer 1..1024, was 'lots'");
    }

    @Test
    void start_verboseFailure_addsTheStackTrace() {
        CliRun run = CliRun.of("start", "--verbose", "--config", directory.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ternmq: config file not found:", "\tat io.ternmq.server.config.");
    }

    @Test
    @Timeout(60)
    void start_portAlreadyTaken_exitsOneWithOneLineNamingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            CliRun run = CliRun.of("start", "--port", Integer.toString(taken.getLocalPort()),
                    "--data-dir", directory.resolve("data").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("ternmq: cannot start the broker on 0.0.0.0:" + taken.getLocalPort())
                    .hasLineCount(1);
        }
    }
}
