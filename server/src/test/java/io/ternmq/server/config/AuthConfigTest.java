package io.ternmq.server.config;

import io.ternmq.server.security.AnonymousAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthConfigTest {

    @TempDir
    Path directory;

    private EffectiveConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(directory.resolve("ternmq.yaml"), yaml), Map.of(), Map.of());
    }

    @Test
    void defaults_noFilesAnonymousAllowedGenerousLimits() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of()).config();

        assertThat(config.auth()).isEqualTo(new AuthConfig(Optional.empty(), Optional.empty(),
                AnonymousAccess.ALLOWED, Map.of(), Duration.ofSeconds(5)));
        assertThat(config.limits().maxTopicLength()).isEqualTo(65_535);
        assertThat(config.limits().maxTopicLevels()).isEqualTo(128);
        assertThat(config.limits().maxSubscriptionsPerClient()).isEqualTo(10_000);
    }

    @Test
    void load_authSection_bound() throws IOException {
        EffectiveConfig effective = load("""
                auth:
                  password_file: /etc/ternmq/passwords
                  acl_file: acl.conf
                  allow_anonymous: false
                  anonymous_listeners: "local=true, tcp = false"
                  reload_interval: 0s
                limits:
                  max_topic_length: 1024
                  max_topic_levels: 16
                  max_subscriptions_per_client: 50
                """);

        assertThat(effective.config().auth()).isEqualTo(new AuthConfig(Optional.of(Path.of("/etc/ternmq/passwords")),
                Optional.of(Path.of("acl.conf")), AnonymousAccess.DENIED,
                Map.of("local", AnonymousAccess.ALLOWED, "tcp", AnonymousAccess.DENIED), Duration.ZERO));
        assertThat(effective.config().limits().maxTopicLength()).isEqualTo(1024);
        assertThat(effective.config().limits().maxTopicLevels()).isEqualTo(16);
        assertThat(effective.config().limits().maxSubscriptionsPerClient()).isEqualTo(50);
        assertThat(effective.formatted(ConfigKeys.AUTH_ANONYMOUS_LISTENERS)).isEqualTo("local=true,tcp=false");
        assertThat(effective.formatted(ConfigKeys.AUTH_PASSWORD_FILE)).isEqualTo("/etc/ternmq/passwords");
    }

    @Test
    void load_invalidAuthValues_nameKeyAndLine() throws IOException {
        assertThatThrownBy(() -> load("auth:\n  allow_anonymous: yes please\n"))
                .hasMessageEndingWith("line 2: auth.allow_anonymous must be true or false, was 'yes please'");
        assertThatThrownBy(() -> load("auth:\n  anonymous_listeners: tcp\n"))
                .hasMessageContaining("auth.anonymous_listeners must be listener=true|false pairs");
        assertThatThrownBy(() -> load("auth:\n  anonymous_listeners: tcp=false,tcp=true\n"))
                .hasMessageContaining("each listener once");
        assertThatThrownBy(() -> load("limits:\n  max_topic_length: 70000\n"))
                .hasMessageEndingWith("limits.max_topic_length must be 1..65535, was 70000");
        assertThatThrownBy(() -> load("limits:\n  max_subscriptions_per_client: 0\n"))
                .hasMessageContaining("limits.max_subscriptions_per_client must be");
        assertThatThrownBy(() -> load("auth:\n  reload_interval: 5\n"))
                .hasMessageContaining("auth.reload_interval must be a duration");
    }

    @Test
    void environment_authKeys_settable() {
        EffectiveConfig effective = ConfigLoader.load(null, Map.of("TERNMQ_AUTH_ALLOW_ANONYMOUS", "false",
                "TERNMQ_AUTH_PASSWORD_FILE", "pw.txt"), Map.of());

        assertThat(effective.config().auth().allowAnonymous()).isEqualTo(AnonymousAccess.DENIED);
        assertThat(effective.config().auth().passwordFile()).contains(Path.of("pw.txt"));
    }
}
