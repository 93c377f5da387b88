package io.ternmq.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishers connect in a random order, and each gets back the connection that carries its own listener. */
class ThroughputScenarioTest {

    private static SinkServer sink;

    @BeforeAll
    static void startSink() throws InterruptedException {
        sink = SinkServer.start(0);
    }

    @AfterAll
    static void stopSink() {
        sink.close();
    }

    @Test
    void connectInRandomOrder_twentyClients_connectionsReturnedByIndexWithTheirOwnListeners()
            throws InterruptedException {
        List<String> clientIds = IntStream.range(0, 20).mapToObj(i -> "shuffled" + i).toList();
        List<BenchConnection.Listener> listeners = new ArrayList<>();
        for (int i = 0; i < clientIds.size(); i++) {
            listeners.add(new BenchConnection.Listener() { });
        }
        try (Connector connector = new Connector(settings(sink.port()))) {
            List<BenchConnection> connections = ThroughputScenario.connectInRandomOrder(connector, clientIds,
                    listeners);

            assertThat(connections).hasSize(20);
            for (int i = 0; i < connections.size(); i++) {
                assertThat(connections.get(i).listener()).as("connection %d", i).isSameAs(listeners.get(i));
                assertThat(connections.get(i).connected).isCompleted();
            }
        }
    }

    private static BenchSettings settings(int port) {
        return new BenchSettings("127.0.0.1", port, Duration.ZERO, Duration.ZERO, BenchSettings.MIN_MESSAGE_SIZE, 1,
                1, 1, 1, false, Optional.empty(), 0, 1, new BenchSettings.Sizes(1, 1, 1, 1), OptionalLong.empty());
    }
}
