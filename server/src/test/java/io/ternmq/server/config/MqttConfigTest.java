package io.ternmq.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttConfigTest {

    @TempDir
    Path directory;

    private EffectiveConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(directory.resolve("ternmq.yaml"), yaml), Map.of(), Map.of());
    }

    @Test
    void defaults_noMaximumNoResponseInformationNoRedirect() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of()).config();

        assertThat(config.mqtt()).isEqualTo(new MqttConfig(0, "", "", "use_another_server", 65_535, 10, "lru", 2,
                true));
    }

    @Test
    void load_mqttSection_bound() throws IOException {
        EffectiveConfig effective = load("""
                mqtt:
                  max_keep_alive: 120
                  response_information: "responses/\u00e9"
                  server_reference: mqtt2.example.com:1883
                  server_reference_code: SERVER_MOVED
                  maximum_qos: 1
                  retain_available: false
                """);

        assertThat(effective.config().mqtt()).isEqualTo(new MqttConfig(120, "responses/\u00e9",
                "mqtt2.example.com:1883", "server_moved", 65_535, 10, "lru", 1, false));
        assertThat(effective.formatted(ConfigKeys.MQTT_MAX_KEEP_ALIVE)).isEqualTo("120");
    }

    @Test
    void load_keepAliveBeyondProtocol_namesKeyAndLine() throws IOException {
        assertThatThrownBy(() -> load("""
                mqtt:
                  max_keep_alive: 65536
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2: mqtt.max_keep_alive must be");
    }

    @Test
    void load_unknownRedirectCode_namesKeyAndLine() throws IOException {
        assertThatThrownBy(() -> load("""
                mqtt:
                  server_reference: other
                  server_reference_code: elsewhere
                """)).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("line 3: mqtt.server_reference_code must be one of use_another_server, "
                        + "server_moved, was 'elsewhere'");
    }

    @Test
    void load_responseInformationWithControlCharacter_rejected() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TERNMQ_MQTT_RESPONSE_INFORMATION", "a\u0000b"),
                Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mqtt.response_information must be text of at most 65535 UTF-8 bytes");
    }
}
