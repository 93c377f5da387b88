package io.ternmq.server.config;

import io.ternmq.core.CoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path directory;

    private Path file(String yaml) throws IOException {
        return Files.writeString(directory.resolve("ternmq.yaml"), yaml);
    }

    private static EffectiveConfig load(Path file) {
        return ConfigLoader.load(file, Map.of(), Map.of());
    }

    @Test
    void load_noFile_usesEmbeddedDefaults() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of()).config();

        assertThat(config.listener()).isEqualTo(new ListenerConfig("0.0.0.0", 1883));
        assertThat(config.limits()).isEqualTo(
                new LimitsConfig(268_435_460, 64, 10_000, Duration.ofSeconds(10), 65_535, 128, 10_000, 0, 10_000));
        assertThat(config.sessions().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void defaults_windowAndQueue_agreeWithTheEmbeddedBrokers() {
        LimitsConfig limits = ConfigLoader.load(null, Map.of(), Map.of()).config().limits();

        assertThat(limits.maxInflightMessages()).isEqualTo(CoreConfig.DEFAULT_MAX_INFLIGHT_MESSAGES);
        assertThat(limits.maxQueuedMessages()).isEqualTo(CoreConfig.DEFAULT_MAX_QUEUED_MESSAGES);
    }

    @Test
    void defaults_everyKey_isDefinedInTheResource() {
        assertThat(ConfigLoader.defaults().keySet()).containsExactlyInAnyOrderElementsOf(ConfigKeys.ALL);
    }

    @Test
    void load_validFile_overridesOnlyTheKeysItNames() throws IOException {
        Path file = file("""
                listener:
                  port: 1884
                limits:
                  max_packet_size: 256KB
                  connect_timeout: 500ms
                sessions:
                  threads: 3
                storage:
                  data_dir: /var/lib/ternmq
                """);

        EffectiveConfig effective = load(file);

        assertThat(effective.config().listener()).isEqualTo(new ListenerConfig("0.0.0.0", 1884));
        assertThat(effective.config().limits())
                .isEqualTo(new LimitsConfig(262_144, 64, 10_000, Duration.ofMillis(500), 65_535, 128, 10_000, 0,
                        10_000));
        assertThat(effective.config().sessions().threads()).isEqualTo(3);
        assertThat(effective.config().storage().dataDir()).isEqualTo(Path.of("/var/lib/ternmq"));
        assertThat(effective.sources().get(ConfigKeys.LISTENER_PORT).origin())
                .isEqualTo(new Origin.FileLine(file.toString(), 2));
    }

    @Test
    void load_emptyFileOrEmptySection_keepsDefaults() throws IOException {
        assertThat(load(file("# nothing set\n")).config().listener().port()).isEqualTo(1883);
        assertThat(load(file("limits:\n")).config().limits().maxInflightMessages()).isEqualTo(64);
    }

    @Test
    void load_unknownKey_namesFileLineKeyAndKnownKeysOfTheSection() throws IOException {
        Path file = file("""
                listener:
                  port: 1883
                limits:
                  max_pakcet_size: 1MB
                """);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + " line 4: unknown key 'limits.max_pakcet_size' (known: limits.max_packet_size, "
                        + "limits.max_inflight_messages, limits.max_queued_messages, limits.connect_timeout, "
                        + "limits.max_topic_length, limits.max_topic_levels, limits.max_subscriptions_per_client, "
                        + "limits.max_connections, limits.max_pending_connects, limits.max_memory, "
                        + "limits.max_client_memory, limits.socket_send_buffer, limits.slow_consumer_policy, "
                        + "limits.slow_consumer_clients)");
    }

    @Test
    void load_unknownSection_namesItAndListsEveryKey() throws IOException {
        Path file = file("listner:\n  port: 1\n");

        assertThatThrownBy(() -> load(file))
                .hasMessageStartingWith(file + " line 1: unknown key 'listner' (known: listener.bind, listener.port,")
                .hasMessageEndingWith("log.level)");
    }

    @Test
    void load_portOutOfRange_namesKeyRangeAndValue() throws IOException {
        Path file = file("listener:\n  port: 70000\n");

        assertThatThrownBy(() -> load(file))
                .hasMessage(file + " line 2: listener.port must be 0..65535, was 70000");
    }

    @Test
    void load_maxPendingConnects_isReadAndANegativeOneRejected() throws IOException {
        assertThat(load(file("limits:\n  max_pending_connects: 500\n")).config().limits().maxPendingConnects())
                .isEqualTo(500);

        Path file = file("limits:\n  max_pending_connects: -1\n");
        assertThatThrownBy(() -> load(file))
                .hasMessageStartingWith(file + " line 2: limits.max_pending_connects must be 0..2147483647");
    }

    @Test
    void load_textWhereIntegerExpected_isWrongType() throws IOException {
        Path file = file("limits:\n  max_inflight_messages: many\n");

        assertThatThrownBy(() -> load(file))
                .hasMessage(file + " line 2: limits.max_inflight_messages must be an integer 1..65535, was 'many'");
    }

    @Test
    void load_listWhereValueExpected_isWrongType() throws IOException {
        Path file = file("listener:\n  port: [1883, 1884]\n");

        assertThatThrownBy(() -> load(file))
                .hasMessage(file + " line 2: listener.port must be a single value, was a list");
    }

    @Test
    void load_valueWhereSectionExpected_isWrongType() throws IOException {
        Path file = file("listener: 1883\n");

        assertThatThrownBy(() -> load(file))
                .hasMessage(file + " line 1: 'listener' must be a section of keys, was a single value");
    }

    @Test
    void load_keyWithoutValue_isAnError() throws IOException {
        Path file = file("storage:\n  data_dir:\n");

        assertThatThrownBy(() -> load(file)).hasMessage(file + " line 2: storage.data_dir has no value");
    }

    @Test
    void load_topLevelList_isAnError() throws IOException {
        Path file = file("- listener\n");

        assertThatThrownBy(() -> load(file)).hasMessageStartingWith(file + " line 1: the top level must be a mapping");
    }

    @Test
    void load_duplicateKey_isAnError() throws IOException {
        Path file = file("listener:\n  port: 1\n  port: 2\n");

        assertThatThrownBy(() -> load(file)).hasMessage(file + " line 3: duplicate key 'listener.port'");
    }

    @Test
    void load_duplicateSection_isAnError() throws IOException {
        Path file = file("listener:\n  port: 1\nlistener:\n  bind: ::\n");

        assertThatThrownBy(() -> load(file)).hasMessage(file + " line 3: duplicate section 'listener'");
    }

    @Test
    void load_invalidYamlSyntax_namesTheLine() throws IOException {
        Path file = file("listener:\n  port: 1883\n   bind: [oops\n");

        assertThatThrownBy(() -> load(file)).hasMessageStartingWith(file + " line 3: not valid YAML: ");
    }

    @Test
    void load_missingFile_namesThePath() {
        Path missing = directory.resolve("nope.yaml");

        assertThatThrownBy(() -> load(missing)).hasMessage("config file not found: " + missing);
    }

    @Test
    void load_directoryAsFile_isAnError() {
        assertThatThrownBy(() -> load(directory)).hasMessage("config file " + directory + " is a directory");
    }

    @Test
    void load_badValueOverriddenByLaterLayer_isStillReported() throws IOException {
        Path file = file("listener:\n  port: -1\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("TERNMQ_LISTENER_PORT", "1883"), Map.of()))
                .hasMessage(file + " line 2: listener.port must be 0..65535, was -1");
    }

    @Test
    void load_environmentVariable_overridesFile() throws IOException {
        Path file = file("listener:\n  port: 1884\n");

        EffectiveConfig effective = ConfigLoader.load(file,
                Map.of("TERNMQ_LISTENER_PORT", "1885", "TERNMQ_LIMITS_MAX_PACKET_SIZE", "1MB", "PATH", "/bin"),
                Map.of());

        assertThat(effective.config().listener().port()).isEqualTo(1885);
        assertThat(effective.config().limits().maxPacketSize()).isEqualTo(1 << 20);
        assertThat(effective.sources().get(ConfigKeys.LISTENER_PORT).origin())
                .isEqualTo(new Origin.EnvironmentVariable("TERNMQ_LISTENER_PORT"));
    }

    @Test
    void load_flag_overridesEnvironmentAndFile() throws IOException {
        Path file = file("listener:\n  port: 1884\n");
        Origin flag = new Origin.CommandLineOption("--port");

        EffectiveConfig effective = ConfigLoader.load(file, Map.of("TERNMQ_LISTENER_PORT", "1885"),
                Map.of(ConfigKeys.LISTENER_PORT, new RawValue("1886", flag)));

        assertThat(effective.config().listener().port()).isEqualTo(1886);
    }

    @Test
    void load_invalidEnvironmentValue_namesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TERNMQ_LIMITS_CONNECT_TIMEOUT", "10"), Map.of()))
                .hasMessage("environment variable TERNMQ_LIMITS_CONNECT_TIMEOUT: limits.connect_timeout must be "
                        + "a duration such as 500ms, 10s, 2m or 1h, within 1ms..1h, was 10");
    }

    @Test
    void load_unknownTernmqEnvironmentVariable_isAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TERNMQ_LISTENER_PROT", "1"), Map.of()))
                .hasMessageStartingWith("environment variable TERNMQ_LISTENER_PROT: no such setting (known: "
                        + "TERNMQ_LISTENER_BIND, TERNMQ_LISTENER_PORT,");
    }

    @Test
    void load_invalidFlagValue_namesTheOption() {
        Origin flag = new Origin.CommandLineOption("--bind");

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(),
                Map.of(ConfigKeys.LISTENER_BIND, new RawValue("not an address", flag))))
                .hasMessageStartingWith("option --bind: listener.bind must be a host name or IP address");
    }

    @Test
    void describe_fileAndDefaults_listsEveryKeyWithValueAndOrigin() throws IOException {
        Path file = file("limits:\n  connect_timeout: 2m\n");

        EffectiveConfig effective = load(file);

        assertThat(effective.describe()).hasSize(ConfigKeys.ALL.size())
                .anySatisfy(line -> assertThat(line).matches("listener\\.port +=  ?1883  \\(default\\)"))
                .anySatisfy(line -> assertThat(line)
                        .matches("limits\\.connect_timeout += 2m  \\(" + java.util.regex.Pattern.quote(file.toString())
                                + " line 2\\)"));
        assertThat(effective.summary()).startsWith("listener.bind=0.0.0.0 listener.port=1883 ");
    }
}
