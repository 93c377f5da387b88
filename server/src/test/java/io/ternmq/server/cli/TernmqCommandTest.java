package io.ternmq.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TernmqCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void help_anySpelling_listsTheCommandsAndExitsZero(String spelling) {
        CliRun run = CliRun.of(spelling);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ternmq", "start", "version", "help", "Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help_startCommand_listsTheStartFlags() {
        CliRun run = CliRun.of("help", "start");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "--bind", "--config", "--data-dir", "--set", "--dry-run",
                "--verbose", "embedded defaults < --config file < TERNMQ_*");
    }

    @Test
    void version_noOptions_printsTheBuildVersion() {
        CliRun run = CliRun.of("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("TernMQ ").doesNotContain("${").doesNotContain("unknown")
                .contains("Java ");
        assertThat(run.out().lines().findFirst().orElseThrow()).matches("TernMQ \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void version_asFlag_printsTheSameAsTheCommand() {
        assertThat(CliRun.of("--version").out()).isEqualTo(CliRun.of("version").out());
    }

    @Test
    void ternmq_noCommand_printsUsageToStderrAndExitsTwo() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: ternmq");
    }

    @Test
    void ternmq_unknownCommand_isAUsageError() {
        CliRun run = CliRun.of("stat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ternmq: Unmatched argument at index 0: 'stat'", "start");
    }

    @Test
    void start_unknownFlag_isAUsageErrorWithPicocliMessage() {
        CliRun run = CliRun.of("start", "--prot", "1883");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ternmq: Unknown option", "'--prot'", "Run 'ternmq start --help' for usage.");
    }

    @Test
    void start_nonNumericPort_isAUsageError() {
        CliRun run = CliRun.of("start", "--port", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--port'", "'abc'");
    }
}
