package io.ternmq.server.config;

import io.ternmq.core.MemoryLimits;
import io.ternmq.core.SlowConsumerPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory budget keys: limits, the default policy, per-listener and per-client-pattern policies. */
class MemoryConfigTest {

    @TempDir
    Path directory;

    private EffectiveConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(directory.resolve("ternmq.yaml"), yaml), Map.of(), Map.of());
    }

    @Test
    void load_defaults_halfTheHeap8MiBPerClientDropOldest() throws IOException {
        MemoryLimits memory = load("").config().limits().memory();

        assertThat(memory.globalBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 2);
        assertThat(memory.clientBytes()).isEqualTo(8L << 20);
        assertThat(memory.socketSendBuffer()).as("left to the OS").isZero();
        assertThat(memory.rules().policyFor("tcp", "any")).isEqualTo(SlowConsumerPolicy.DROP_OLDEST);
    }

    @Test
    void load_everyKey_boundIntoTheRules() throws IOException {
        MemoryLimits memory = load("""
                limits:
                  max_memory: 3GiB
                  max_client_memory: 256KB
                  socket_send_buffer: 32KB
                  slow_consumer_policy: drop_newest
                  slow_consumer_clients: "sensor-*=disconnect, dash?=drop_oldest"
                listeners:
                  - name: dashboards
                    type: ws
                    port: 0
                    slow_consumer_policy: disconnect
                  - name: plain
                    type: tcp
                    port: 0
                """).config().limits().memory();

        assertThat(memory.globalBytes()).isEqualTo(3L << 30);
        assertThat(memory.clientBytes()).isEqualTo(256 << 10);
        assertThat(memory.socketSendBuffer()).isEqualTo(32 << 10);
        assertThat(memory.rules().policyFor("plain", "x")).isEqualTo(SlowConsumerPolicy.DROP_NEWEST);
        assertThat(memory.rules().policyFor("dashboards", "x")).isEqualTo(SlowConsumerPolicy.DISCONNECT);
        assertThat(memory.rules().policyFor("dashboards", "dash1")).isEqualTo(SlowConsumerPolicy.DROP_OLDEST);
        assertThat(memory.rules().policyFor("plain", "sensor-9")).isEqualTo(SlowConsumerPolicy.DISCONNECT);
    }

    @Test
    void load_unknownPolicy_namesLineKeyAndChoices() throws IOException {
        assertThatThrownBy(() -> load("limits:\n  slow_consumer_policy: block\n"))
                .hasMessageEndingWith("line 2: limits.slow_consumer_policy must be one of drop_oldest, drop_newest, "
                        + "disconnect, was 'block'");
    }

    @Test
    void load_badClientPatternPair_namesTheExpectedForm() throws IOException {
        assertThatThrownBy(() -> load("limits:\n  slow_consumer_clients: \"sensor-*\"\n"))
                .hasMessageContaining("line 2: limits.slow_consumer_clients must be client-id-pattern=");
        assertThatThrownBy(() -> load("limits:\n  slow_consumer_clients: \"a=sometimes\"\n"))
                .hasMessageContaining("limits.slow_consumer_clients must be client-id-pattern=");
    }

    @Test
    void load_budgetsOutOfRange_rejected() throws IOException {
        assertThatThrownBy(() -> load("limits:\n  max_client_memory: 1KB\n"))
                .hasMessageContaining("line 2: limits.max_client_memory must be 4096..2147483647 bytes");
        assertThatThrownBy(() -> load("limits:\n  max_memory: 10KB\n"))
                .hasMessageContaining("line 2: limits.max_memory must be 1048576..");
    }

    @Test
    void load_listenerPolicyNotAChoice_namesLineAndKey() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: tcp
                    port: 0
                    slow_consumer_policy: wait
                """))
                .hasMessageContaining("line 5: listeners.slow_consumer_policy must be one of drop_oldest");
    }
}
