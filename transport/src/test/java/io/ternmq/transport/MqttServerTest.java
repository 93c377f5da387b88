package io.ternmq.transport;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MqttServerTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final ListenerConfig TCP = new ListenerConfig("tcp", LOOPBACK, 0);

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void start_ephemeralPort_reportsTheBoundPort() throws IOException {
        MqttServer server = start(config(Duration.ofSeconds(10)));

        InetSocketAddress address = server.address("tcp");
        connect(server);

        assertThat(address.getPort()).isPositive();
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));
    }

    @Test
    void start_portInUse_failsNamingAddressAndPort() throws IOException {
        var occupier = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        resources.add(occupier);
        int port = occupier.getLocalPort();

        assertThatThrownBy(() -> MqttServer.start(config(Duration.ofSeconds(10)),
                List.of(new ListenerConfig("tcp", LOOPBACK, port)), core))
                .isInstanceOf(ListenerBindException.class)
                .hasMessageContaining(LOOPBACK + ":" + port);
    }

    @Test
    void address_unknownListener_isRejected() {
        MqttServer server = start(config(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> server.address("tls")).hasMessageContaining("tls");
    }

    @Test
    void connectTimeout_silentClient_isClosed() throws IOException {
        MqttServer server = start(config(Duration.ofMillis(200)));

        Socket socket = connect(server);

        assertThat(socket.getInputStream().read()).isEqualTo(-1);
        await().untilAsserted(() -> assertThat(core.only().closes).hasValue(1));
    }

    @Test
    void keepAlive_armedAndClientSilent_firesOnKeepAliveTimeout() throws IOException {
        // [MQTT-3.1.2-24] the transport detects the silence; the core closes
        MqttServer server = start(config(Duration.ofSeconds(10)));
        connect(server);
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));

        core.only().channel.keepAliveTimeout(Duration.ofMillis(100));

        await().untilAsserted(() -> assertThat(core.only().keepAliveTimeouts).hasValue(1));
    }

    @Test
    void channelClosed_clientHangsUp_reportsClosedOnce() throws IOException {
        MqttServer server = start(config(Duration.ofSeconds(10)));
        Socket socket = connect(server);
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));

        socket.close();

        await().untilAsserted(() -> assertThat(core.only().closes).hasValue(1));
        await().until(() -> server.connectionCount() == 0);
        assertThat(core.only().closes).hasValue(1);
    }

    @Test
    void clientChannelClose_coreCloses_peerSeesEndOfStream() throws IOException {
        MqttServer server = start(config(Duration.ofSeconds(10)));
        Socket socket = connect(server);
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));

        core.only().channel.close();

        assertThat(socket.getInputStream().read()).isEqualTo(-1);
        await().untilAsserted(() -> assertThat(core.only().closes).hasValue(1));
    }

    @Test
    void close_withOpenConnections_closesThemAndIsIdempotent() throws IOException {
        MqttServer server = MqttServer.start(config(Duration.ofSeconds(10)), List.of(TCP), core);
        Socket socket = connect(server);
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));

        server.close();
        server.close();

        assertThat(socket.getInputStream().read()).isEqualTo(-1);
        assertThat(core.only().closes).hasValue(1);
    }

    @Test
    void decode_remainingLengthOverMaximum_rejectedBeforeTheBodyArrives() throws IOException {
        MqttServer server = start(new TransportConfig(1024, Duration.ofSeconds(10), 1));
        Socket socket = connect(server);

        // PUBLISH fixed header announcing 268,435,455 remaining bytes; no body follows.
        socket.getOutputStream().write(new byte[]{0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
        socket.getOutputStream().flush();

        await().untilAsserted(() -> assertThat(core.only().malformed)
                .extracting(MalformedPacketException::reasonCode)
                .containsExactly(ReasonCode.PACKET_TOO_LARGE));
        assertThat(socket.getInputStream().read()).as("closed by the core").isEqualTo(-1);
        await().untilAsserted(() -> assertThat(core.only().closes).hasValue(1));
    }

    @Test
    void roundTrip_pingreq_reachesTheCoreAndItsPingrespReachesTheClient() throws IOException {
        MqttServer server = start(config(Duration.ofSeconds(10)));
        Socket socket = connect(server);

        socket.getOutputStream().write(new byte[]{(byte) 0xC0, 0x00}); // PINGREQ, remaining length 0
        await().untilAsserted(() -> assertThat(core.only().packets).containsExactly(new Pingreq()));
        core.only().channel.send(new Pingresp());

        assertThat(socket.getInputStream().readNBytes(2)).containsExactly(0xD0, 0x00); // PINGRESP
    }

    private static TransportConfig config(Duration connectTimeout) {
        return new TransportConfig(TransportConfig.PROTOCOL_MAX_PACKET_SIZE, connectTimeout, 1);
    }

    private MqttServer start(TransportConfig config) {
        MqttServer server = MqttServer.start(config, List.of(TCP), core);
        resources.add(server);
        return server;
    }

    private Socket connect(MqttServer server) throws IOException {
        var socket = new Socket(LOOPBACK, server.address("tcp").getPort());
        // A safety net against a hung test only; every read is expected to return long before.
        socket.setSoTimeout(30_000);
        resources.add(socket);
        return socket;
    }
}
