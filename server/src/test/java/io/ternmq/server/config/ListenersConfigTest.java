package io.ternmq.server.config;

import io.ternmq.transport.AnonymousAccess;
import io.ternmq.transport.CertificateIdentity;
import io.ternmq.transport.ClientCertificates;
import io.ternmq.transport.ConnectionLimits;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.ListenerKind;
import io.ternmq.transport.TlsConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenersConfigTest {

    @TempDir
    Path directory;
    private Path cert;
    private Path key;
    private Path ca;

    @BeforeEach
    void files() throws IOException {
        // Only readability is checked at configuration time; the TLS library reads the content at startup.
        cert = Files.writeString(directory.resolve("server.pem"), "cert");
        key = Files.writeString(directory.resolve("server.key"), "key");
        ca = Files.writeString(directory.resolve("ca.pem"), "ca");
    }

    private EffectiveConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(directory.resolve("ternmq.yaml"), yaml), Map.of(), Map.of());
    }

    @Test
    void load_noListenersList_hasOnlyTheDefaultListener() throws IOException {
        ServerConfig config = load("listener:\n  port: 1884\n").config();

        assertThat(config.listeners()).isEmpty();
        assertThat(config.listener().state()).isEqualTo(io.ternmq.server.config.ListenerConfig.DefaultListener.ENABLED);
        assertThat(config.limits().maxConnections()).isZero();
    }

    @Test
    void load_everyListenerKind_bindsEachWithItsSettings() throws IOException {
        ServerConfig config = load("""
                limits:
                  max_connections: 5000
                listeners:
                  - name: tls
                    type: tls
                    port: 8883
                    cert_file: %s
                    key_file: %s
                    key_password: pw
                    ca_file: %s
                    client_certificates: required
                    certificate_identity: cn
                    cert_reload_interval: 2s
                    max_connections: 100
                    max_connections_per_second: 10
                    allow_anonymous: false
                  - name: web
                    type: ws
                    bind: 127.0.0.1
                    port: 8080
                """.formatted(cert, key, ca)).config();

        assertThat(config.limits().maxConnections()).isEqualTo(5000);
        assertThat(config.listeners()).containsExactly(
                new ListenerConfig("tls", ListenerKind.TLS, "0.0.0.0", 8883, new ConnectionLimits(100, 10),
                        AnonymousAccess.DENIED, new TlsConfig(cert, key, "pw", ca, ClientCertificates.REQUIRED,
                        CertificateIdentity.COMMON_NAME, Duration.ofSeconds(2))),
                ListenerConfig.ws("web", "127.0.0.1", 8080));
    }

    @Test
    void load_defaultListenerKeys_areApplied() throws IOException {
        var listener = load("""
                listener:
                  max_connections: 7
                  max_connections_per_second: 3
                  allow_anonymous: false
                """).config().listener();

        assertThat(listener.limits()).isEqualTo(new ConnectionLimits(7, 3));
        assertThat(listener.anonymous()).isEqualTo(AnonymousAccess.DENIED);
    }

    @Test
    void load_unknownListenerKey_namesLineAndKnownKeys() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: tcp
                    prot: 1
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 4: unknown listener key 'prot' (known: name, type, bind, port");
    }

    @Test
    void load_invalidListenerValue_namesLineAndKey() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: quic
                    port: 1
                """))
                .hasMessageEndingWith("line 3: listeners.type must be one of tcp, tls, ws, wss, was 'quic'");
    }

    @Test
    void load_missingCertificateFile_namesLine() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: tls
                    port: 1
                    cert_file: /no/such/file.pem
                    key_file: %s
                """.formatted(key)))
                .hasMessageContaining("line 5: listeners.cert_file must be a readable file");
    }

    @Test
    void load_tlsListenerWithoutKey_namesTheEntry() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: wss
                    port: 1
                    cert_file: %s
                """.formatted(cert)))
                .hasMessageContaining("line 2: listener entry has no key_file");
    }

    @Test
    void load_tlsKeyOnPlainListener_isRejected() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: tcp
                    port: 1
                    cert_file: %s
                """.formatted(cert)))
                .hasMessageContaining("line 5: listener 'a' of type tcp takes no cert_file");
    }

    @Test
    void load_requiredClientCertificatesWithoutCa_isRejected() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: a
                    type: tls
                    port: 1
                    cert_file: %s
                    key_file: %s
                    client_certificates: required
                """.formatted(cert, key)))
                .hasMessageContaining("line 7: listener 'a': client_certificates required needs a ca_file");
    }

    @Test
    void load_duplicateListenerName_isRejected() throws IOException {
        assertThatThrownBy(() -> load("""
                listeners:
                  - name: tcp
                    type: ws
                    port: 1
                """))
                .hasMessageContaining("line 2: duplicate listener name 'tcp'");
    }

    @Test
    void load_defaultListenerDisabled_freesItsName() throws IOException {
        ServerConfig config = load("""
                listener:
                  enabled: false
                listeners:
                  - name: tcp
                    type: ws
                    port: 1
                """).config();

        assertThat(config.listeners()).extracting(ListenerConfig::name).containsExactly("tcp");
    }

    @Test
    void load_noListenerAtAll_isRejected() throws IOException {
        assertThatThrownBy(() -> load("listener:\n  enabled: false\n"))
                .hasMessageContaining("line 2: listener.enabled is false and the listeners list is empty");
    }

    @Test
    void load_listenersNotAList_isRejected() throws IOException {
        assertThatThrownBy(() -> load("listeners:\n  name: a\n"))
                .hasMessageContaining("line 1: 'listeners' must be a list of listeners, was a mapping");
    }

    @Test
    void describe_listeners_showNoPassword() throws IOException {
        EffectiveConfig effective = load("""
                listeners:
                  - name: secure
                    type: tls
                    port: 8883
                    cert_file: %s
                    key_file: %s
                    key_password: hunter2
                """.formatted(cert, key));

        assertThat(effective.describe()).contains("listeners: secure(tls 0.0.0.0:8883)");
        assertThat(String.join("\n", effective.describe()) + effective.summary()).doesNotContain("hunter2");
    }
}
