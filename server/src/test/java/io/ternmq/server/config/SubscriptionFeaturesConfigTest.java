package io.ternmq.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription feature switches of the {@code mqtt} section. */
class SubscriptionFeaturesConfigTest {

    @TempDir
    Path directory;

    private EffectiveConfig load(String yaml) throws IOException {
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), yaml);
        return ConfigLoader.load(file, Map.of(), Map.of());
    }

    @Test
    void load_noFile_everyFeatureOn() {
        MqttConfig mqtt = ConfigLoader.load(null, Map.of(), Map.of()).config().mqtt();

        assertThat(mqtt.sharedSubscriptions()).isTrue();
        assertThat(mqtt.subscriptionIdentifiers()).isTrue();
        assertThat(mqtt.wildcardSubscriptions()).isTrue();
    }

    @Test
    void load_switchedOff_read() throws IOException {
        MqttConfig mqtt = load("""
                mqtt:
                  shared_subscriptions: false
                  subscription_identifiers: false
                  wildcard_subscriptions: false
                """).config().mqtt();

        assertThat(mqtt.sharedSubscriptions()).isFalse();
        assertThat(mqtt.subscriptionIdentifiers()).isFalse();
        assertThat(mqtt.wildcardSubscriptions()).isFalse();
    }

    @Test
    void load_environmentVariable_switchesOff() {
        MqttConfig mqtt = ConfigLoader.load(null, Map.of("TERNMQ_MQTT_SHARED_SUBSCRIPTIONS", "false"), Map.of())
                .config().mqtt();

        assertThat(mqtt.sharedSubscriptions()).isFalse();
        assertThat(mqtt.wildcardSubscriptions()).isTrue();
    }

    @Test
    void load_notABoolean_namesFileAndLine() {
        assertThatThrownBy(() -> load("mqtt:\n  wildcard_subscriptions: maybe\n"))
                .hasMessageContaining("ternmq.yaml line 2: mqtt.wildcard_subscriptions");
    }
}
