package io.ternmq.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sessions section: how many session executors there are and which threads run them. */
class SessionsConfigTest {

    @TempDir
    Path directory;

    private EffectiveConfig load(String yaml, Map<String, String> environment) throws IOException {
        return ConfigLoader.load(Files.writeString(directory.resolve("ternmq.yaml"), yaml), environment, Map.of());
    }

    @Test
    void load_defaults_oneExecutorPerProcessorOnTheIoThreadsBalanced() throws IOException {
        SessionsConfig sessions = load("", Map.of()).config().sessions();

        assertThat(sessions.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(sessions.runOn()).isEqualTo("io_threads");
        assertThat(sessions.balanceIoThreads()).isTrue();
    }

    @Test
    void load_balanceIoThreadsOff_fromTheFileOrTheEnvironment() throws IOException {
        assertThat(load("sessions:\n  balance_io_threads: false\n", Map.of()).config().sessions().balanceIoThreads())
                .isFalse();
        assertThat(load("", Map.of("TERNMQ_SESSIONS_BALANCE_IO_THREADS", "false")).config().sessions()
                .balanceIoThreads()).isFalse();
    }

    @Test
    void load_balanceIoThreadsNotABoolean_namesLineAndKey() {
        assertThatThrownBy(() -> load("sessions:\n  balance_io_threads: sometimes\n", Map.of()))
                .hasMessageContaining("line 2: sessions.balance_io_threads");
    }

    @Test
    void load_ownThreads_fromTheFileOrTheEnvironment() throws IOException {
        assertThat(load("sessions:\n  run_on: own_threads\n  threads: 3\n", Map.of()).config().sessions())
                .isEqualTo(new SessionsConfig(3, "own_threads", true));
        assertThat(load("", Map.of("TERNMQ_SESSIONS_RUN_ON", "own_threads")).config().sessions().runOn())
                .isEqualTo("own_threads");
    }

    @Test
    void load_unknownPlace_namesLineKeyAndChoices() {
        assertThatThrownBy(() -> load("sessions:\n  run_on: virtual_threads\n", Map.of()))
                .hasMessageEndingWith("line 2: sessions.run_on must be one of io_threads, own_threads, "
                        + "was 'virtual_threads'");
    }
}
