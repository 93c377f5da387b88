package io.ternmq.transport;

import io.ternmq.core.ListenerIdentity;
import io.ternmq.protocol.Pingreq;
import io.ternmq.testkit.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MqttServerTlsTest {

    private static final byte[] PINGREQ = {(byte) 0xC0, 0x00};

    @TempDir
    static Path directory;
    private static TestCertificates certificates;

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void generate() {
        certificates = TestCertificates.create(directory);
    }

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void tlsListener_clientTrustingTheCa_handshakesAndDeliversPackets() throws IOException {
        MqttServer server = start(TlsConfig.server(certificates.server().certificateFile(),
                certificates.server().keyFile()));

        SSLSocket socket = connect(server, certificates.clientContext());
        socket.getOutputStream().write(PINGREQ);

        await().untilAsserted(() -> assertThat(core.only().packets).containsExactly(new Pingreq()));
        assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(core.only().channel.listener()).isEqualTo(new ListenerIdentity("secure", null));
    }

    @Test
    void mtlsListener_clientCertificate_becomesTheCertificateIdentity() throws IOException {
        MqttServer server = start(mutual(ClientCertificates.REQUIRED, CertificateIdentity.COMMON_NAME));

        SSLSocket socket = connect(server, certificates.clientContext(certificates.client()));
        socket.getOutputStream().write(PINGREQ);

        await().untilAsserted(() -> assertThat(core.only().packets).hasSize(1));
        assertThat(core.only().channel.listener())
                .isEqualTo(new ListenerIdentity("secure", TestCertificates.CLIENT_COMMON_NAME));
    }

    @Test
    void mtlsListener_sanIdentity_isTheAltName() throws IOException {
        MqttServer server = start(mutual(ClientCertificates.OPTIONAL, CertificateIdentity.SUBJECT_ALT_NAME));

        SSLSocket socket = connect(server, certificates.clientContext(certificates.client()));
        socket.getOutputStream().write(PINGREQ);

        await().untilAsserted(() -> assertThat(core.only().packets).hasSize(1));
        assertThat(core.only().channel.listener().certificateIdentity()).isEqualTo(TestCertificates.CLIENT_ALT_NAME);
    }

    @Test
    void optionalClientCertificates_clientWithout_isServedWithoutIdentity() throws IOException {
        MqttServer server = start(mutual(ClientCertificates.OPTIONAL, CertificateIdentity.COMMON_NAME));

        SSLSocket socket = connect(server, certificates.clientContext());
        socket.getOutputStream().write(PINGREQ);

        await().untilAsserted(() -> assertThat(core.only().packets).hasSize(1));
        assertThat(core.only().channel.listener().certificateIdentity()).isNull();
    }

    @Test
    void requiredClientCertificates_clientFromUnknownCa_neverReachesTheCore() throws IOException {
        MqttServer server = start(mutual(ClientCertificates.REQUIRED, CertificateIdentity.COMMON_NAME));

        SSLSocket socket = (SSLSocket) certificates.clientContext(certificates.unknownClient()).getSocketFactory()
                .createSocket("127.0.0.1", server.address("secure").getPort());
        resources.add(socket);

        assertThatThrownBy(() -> {
            socket.startHandshake();
            socket.getOutputStream().write(PINGREQ);
            socket.getOutputStream().flush();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            throw new SSLException("closed without TLS alert");
        }).isInstanceOf(IOException.class);
        await().untilAsserted(() -> assertThat(core.connections).allSatisfy(c -> assertThat(c.packets).isEmpty()));
    }

    private static TlsConfig mutual(ClientCertificates policy, CertificateIdentity identity) {
        return TlsConfig.server(certificates.server().certificateFile(), certificates.server().keyFile())
                .withClientCertificates(certificates.ca().certificateFile(), policy, identity);
    }

    private MqttServer start(TlsConfig tls) {
        MqttServer server = MqttServer.start(new TransportConfig(1024, Duration.ofSeconds(10), 1),
                List.of(ListenerConfig.tls("secure", "127.0.0.1", 0, tls)), core);
        resources.add(server);
        return server;
    }

    private SSLSocket connect(MqttServer server, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket("127.0.0.1", server.address("secure").getPort());
        resources.add(socket);
        socket.startHandshake();
        return socket;
    }
}
