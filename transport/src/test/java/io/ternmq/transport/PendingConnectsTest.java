package io.ternmq.transport;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker-wide cap on connections that have not delivered their CONNECT yet. */
class PendingConnectsTest {

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void pendingCap_oneMoreSilentSocket_isClosedAtAcceptAndCounted() throws IOException {
        MqttServer server = start(2, Duration.ofMinutes(1), ListenerConfig.tcp("a", "127.0.0.1", 0),
                ListenerConfig.tcp("b", "127.0.0.1", 0));
        connect(server, "a");
        connect(server, "b");
        await().until(() -> server.stats().pendingConnects() == 2);

        Socket third = connect(server, "a");

        assertThat(third.getInputStream().read()).isEqualTo(-1);
        assertThat(server.stats().refusedPendingConnects()).isEqualTo(1);
        assertThat(server.refusedConnections("a")).as("listener refusals are a different count").isZero();
        assertThat(core.connections).hasSize(2);
    }

    @Test
    void pendingCap_afterAConnect_admitsAnotherSilentSocket() throws IOException {
        MqttServer server = start(1, Duration.ofMinutes(1), ListenerConfig.tcp("tcp", "127.0.0.1", 0));
        Socket first = connect(server, "tcp");
        await().until(() -> server.stats().pendingConnects() == 1);

        first.getOutputStream().write(Packets.connect("c", CleanSession.YES, 60));
        await().until(() -> server.stats().pendingConnects() == 0);
        connect(server, "tcp");

        await().untilAsserted(() -> assertThat(core.connections).hasSize(2));
        assertThat(server.stats().pendingConnects()).isEqualTo(1);
        assertThat(server.stats().openConnections()).isEqualTo(2);
        assertThat(server.stats().refusedPendingConnects()).isZero();
    }

    @Test
    void pendingCap_silentSocketsTimeOut_countsReturnToZero() throws IOException {
        MqttServer server = start(3, Duration.ofMillis(300), ListenerConfig.tcp("tcp", "127.0.0.1", 0));
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sockets.add(connect(server, "tcp"));
        }

        for (Socket socket : sockets) {
            assertThat(socket.getInputStream().read()).as("every silent socket ends closed").isEqualTo(-1);
        }
        await().untilAsserted(() -> {
            assertThat(server.stats().openConnections()).isZero();
            assertThat(server.stats().pendingConnects()).isZero();
        });
        assertThat(server.stats().refusedPendingConnects()).isPositive();
    }

    private MqttServer start(int maxPending, Duration connectTimeout, ListenerConfig... listeners) {
        MqttServer server = MqttServer.start(new TransportConfig(1024, connectTimeout, 1, 0, maxPending),
                List.of(listeners), core);
        resources.add(server);
        return server;
    }

    private Socket connect(MqttServer server, String listener) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.address(listener).getPort());
        resources.add(socket);
        return socket;
    }
}
