package io.ternmq.server.cli;

import io.ternmq.server.config.ConfigLoader;
import io.ternmq.server.config.EffectiveConfig;
import io.ternmq.testkit.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration file with a listeners list starts those listeners, and only them when the default is off. */
class BrokerServiceListenersTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(60)
    void start_tlsAndWsListenersFromTheFile_serveOnTheirPorts() throws IOException {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certs"));
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), """
                listener:
                  enabled: false
                storage:
                  data_dir: %s
                listeners:
                  - name: secure
                    type: tls
                    bind: 127.0.0.1
                    port: 0
                    cert_file: %s
                    key_file: %s
                    key_password: %s
                  - name: web
                    type: ws
                    bind: 127.0.0.1
                    port: 0
                """.formatted(directory.resolve("data"), certificates.server().certificateFile(),
                certificates.encryptedServerKey(), TestCertificates.KEY_PASSWORD));
        EffectiveConfig effective = ConfigLoader.load(file, Map.of(), Map.of());

        try (BrokerService service = BrokerService.start(effective)) {
            try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                    .createSocket("127.0.0.1", service.port("secure"))) {
                socket.startHandshake();
                assertThat(socket.getSession().getPeerPrincipal().getName()).contains("CN=localhost");
            }
            try (Socket socket = new Socket("127.0.0.1", service.port("web"))) {
                assertThat(socket.isConnected()).isTrue();
            }
            assertThatThrownBy(service::port).hasMessageContaining("no plain TCP listener");
        }
    }

    @Test
    void start_certificateFileNotACertificate_failsNamingTheListener() throws IOException {
        Path garbage = Files.writeString(directory.resolve("garbage.pem"), "not a certificate");
        Path file = Files.writeString(directory.resolve("ternmq.yaml"), """
                listener:
                  bind: 127.0.0.1
                  port: 0
                storage:
                  data_dir: %s
                listeners:
                  - name: secure
                    type: tls
                    bind: 127.0.0.1
                    port: 0
                    cert_file: %s
                    key_file: %s
                """.formatted(directory.resolve("data"), garbage, garbage));
        EffectiveConfig effective = ConfigLoader.load(file, Map.of(), Map.of());

        assertThatThrownBy(() -> BrokerService.start(effective))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("TLS settings of listener 'secure' do not load");
    }
}
