package io.ternmq.e2e.transports;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.TempDirectories;
import io.ternmq.testkit.TestCertificates;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The certificate files of a TLS listener are replaced while a client stays connected. */
class CertificateReloadTest {

    private static final TestCertificates CERTIFICATES = SharedCertificates.get();
    // Instance fields, set up before the extension starts the broker: each test gets its own copy to replace.
    private final Path live = liveFiles();
    private final Path cert = live.resolve("server.pem");
    private final Path key = live.resolve("server.key");

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.listener(ListenerConfig.tls("tls", "127.0.0.1", 0,
            TlsConfig.server(cert, key).withReloadInterval(Duration.ofMillis(100)))));

    private static Path liveFiles() {
        try {
            Path directory = TempDirectories.create("ternmq-live-certs");
            Files.copy(CERTIFICATES.server().certificateFile(), directory.resolve("server.pem"));
            Files.copy(CERTIFICATES.server().keyFile(), directory.resolve("server.key"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BigInteger servedSerial() throws IOException {
        try (SSLSocket socket = (SSLSocket) CERTIFICATES.clientContext().getSocketFactory()
                .createSocket("127.0.0.1", broker.broker().port("tls"))) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    @Test
    void reload_newFilesWhileConnected_newConnectionsGetTheNewCertificateAndTheOldOneStays() throws Exception {
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier("stays").serverHost("localhost")
                .serverPort(broker.broker().port("tls"))
                .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(CERTIFICATES.trustManagers()).build())
                .buildBlocking();
        broker.closeAfterTest(client::disconnect);
        client.connect();
        var publishes = broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
        client.subscribeWith().topicFilter("reload").qos(MqttQos.AT_LEAST_ONCE).send();
        assertThat(servedSerial()).isEqualTo(CERTIFICATES.server().certificate().getSerialNumber());

        var renewed = CERTIFICATES.newServer("renewed");
        Files.copy(renewed.keyFile(), key, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed.certificateFile(), cert, StandardCopyOption.REPLACE_EXISTING);

        await().atMost(BrokerExtension.WAIT)
                .untilAsserted(() -> assertThat(servedSerial()).isEqualTo(renewed.certificate().getSerialNumber()));
        client.publishWith().topic("reload").qos(MqttQos.AT_LEAST_ONCE)
                .payload("still here".getBytes(StandardCharsets.UTF_8)).send();
        var received = publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow();
        assertThat(received.getPayloadAsBytes()).asString(StandardCharsets.UTF_8).isEqualTo("still here");
    }

    @Test
    void reload_brokenFile_keepsServingThePreviousCertificate() throws Exception {
        BigInteger before = servedSerial();

        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");

        // Fresh handshakes over several 100 ms polls must all still see the previous certificate.
        await().during(Duration.ofMillis(600)).atMost(BrokerExtension.WAIT)
                .until(() -> servedSerial().equals(before));
    }
}
