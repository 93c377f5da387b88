package io.ternmq.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code mqtt} section's flow keys: receive maximum, topic alias maximum, outbound topic alias policy. */
class MqttFlowConfigTest {

    @TempDir
    Path directory;

    private EffectiveConfig load(String yaml) throws IOException {
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), yaml);
        return ConfigLoader.load(file, Map.of(), Map.of());
    }

    private Path file() {
        return directory.resolve("ternmq.yaml");
    }

    @Test
    void load_noMqttSection_hasTheDefaults() {
        MqttConfig mqtt = ConfigLoader.load(null, Map.of(), Map.of()).config().mqtt();

        assertThat(mqtt.receiveMaximum()).isEqualTo(65_535);
        assertThat(mqtt.topicAliasMaximum()).isEqualTo(10);
        assertThat(mqtt.outboundTopicAliases()).isEqualTo("lru");
    }

    @Test
    void load_mqttSection_isRead() throws IOException {
        MqttConfig mqtt = load("""
                mqtt:
                  receive_maximum: 100
                  topic_alias_maximum: 0
                  outbound_topic_aliases: none
                """).config().mqtt();

        assertThat(mqtt.receiveMaximum()).isEqualTo(100);
        assertThat(mqtt.topicAliasMaximum()).isZero();
        assertThat(mqtt.outboundTopicAliases()).isEqualTo("none");
    }

    @Test
    void load_receiveMaximum0_namesFileLineAndRange() {
        // 0 is a Protocol Error as a Receive Maximum (3.2.2.3.3)
        assertThatThrownBy(() -> load("mqtt:\n  receive_maximum: 0\n"))
                .hasMessage(file() + " line 2: mqtt.receive_maximum must be 1..65535, was 0");
    }

    @Test
    void load_topicAliasMaximumTooLarge_namesFileLineAndRange() {
        assertThatThrownBy(() -> load("mqtt:\n  topic_alias_maximum: 65536\n"))
                .hasMessage(file() + " line 2: mqtt.topic_alias_maximum must be 0..65535, was 65536");
    }

    @Test
    void load_unknownAliasPolicy_namesFileLineAndChoices() {
        assertThatThrownBy(() -> load("mqtt:\n  outbound_topic_aliases: always\n"))
                .hasMessageStartingWith(file() + " line 2: mqtt.outbound_topic_aliases")
                .hasMessageContaining("lru");
    }

    @Test
    void environment_setsTheKey() {
        MqttConfig mqtt = ConfigLoader.load(null, Map.of("TERNMQ_MQTT_TOPIC_ALIAS_MAXIMUM", "25"), Map.of())
                .config().mqtt();

        assertThat(mqtt.topicAliasMaximum()).isEqualTo(25);
    }
}
