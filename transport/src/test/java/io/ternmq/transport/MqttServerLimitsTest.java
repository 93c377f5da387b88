package io.ternmq.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MqttServerLimitsTest {

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void listenerLimit_oneMoreThanAllowed_isClosedAndCounted() throws IOException {
        MqttServer server = start(0, ListenerConfig.tcp("tcp", "127.0.0.1", 0)
                .withLimits(new ConnectionLimits(2, 0)));

        connect(server, "tcp");
        connect(server, "tcp");
        await().untilAsserted(() -> assertThat(core.connections).hasSize(2));
        Socket third = connect(server, "tcp");

        assertThat(third.getInputStream().read()).isEqualTo(-1);
        assertThat(server.refusedConnections("tcp")).isEqualTo(1);
        assertThat(core.connections).hasSize(2);
    }

    @Test
    void listenerLimit_afterAClientLeaves_admitsAgain() throws IOException {
        MqttServer server = start(0, ListenerConfig.tcp("tcp", "127.0.0.1", 0)
                .withLimits(new ConnectionLimits(1, 0)));
        Socket first = connect(server, "tcp");
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));

        first.close();
        await().until(() -> server.connectionCount() == 0);
        connect(server, "tcp");

        await().untilAsserted(() -> assertThat(core.connections).hasSize(2));
        assertThat(server.refusedConnections("tcp")).isZero();
    }

    @Test
    void brokerLimit_spansListeners() throws IOException {
        MqttServer server = start(1, ListenerConfig.tcp("a", "127.0.0.1", 0), ListenerConfig.tcp("b", "127.0.0.1", 0));

        connect(server, "a");
        await().untilAsserted(() -> assertThat(core.connections).hasSize(1));
        Socket second = connect(server, "b");

        assertThat(second.getInputStream().read()).isEqualTo(-1);
        assertThat(server.refusedConnections("b")).isEqualTo(1);
    }

    @Test
    void connectionRate_burstAboveTheRate_closesTheExcess() throws IOException {
        MqttServer server = start(0, ListenerConfig.tcp("tcp", "127.0.0.1", 0)
                .withLimits(new ConnectionLimits(0, 1)));

        // A token bucket of one per second: three connections made back to back cannot all get a token.
        List<Socket> sockets = List.of(connect(server, "tcp"), connect(server, "tcp"), connect(server, "tcp"));

        await().untilAsserted(() -> assertThat(core.connections.size() + server.refusedConnections("tcp"))
                .isEqualTo(sockets.size()));
        assertThat(server.refusedConnections("tcp")).isPositive();
    }

    private MqttServer start(int brokerMax, ListenerConfig... listeners) {
        MqttServer server = MqttServer.start(new TransportConfig(1024, Duration.ofSeconds(10), 1, brokerMax),
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
