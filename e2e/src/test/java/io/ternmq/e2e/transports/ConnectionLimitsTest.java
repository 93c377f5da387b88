package io.ternmq.e2e.transports;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.transport.ConnectionLimits;
import io.ternmq.transport.ListenerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-listener connection limits and rates: excess connections are closed right after accept. */
class ConnectionLimitsTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b
            .listener(ListenerConfig.tcp("two-at-most", "127.0.0.1", 0).withLimits(new ConnectionLimits(2, 0)))
            .listener(ListenerConfig.tcp("one-per-second", "127.0.0.1", 0).withLimits(new ConnectionLimits(0, 1))));

    private RawMqttClient raw(String listener) {
        return broker.closeAfterTest(RawMqttClient.connect("127.0.0.1", broker.broker().port(listener)));
    }

    private RawMqttClient connected(String listener, String clientId) {
        return raw(listener).send(Packets.connect(clientId, CleanSession.YES, 60))
                .expectPacket(Packets.connack(SessionPresent.NO, 0));
    }

    @Test
    void listenerLimit_thirdClient_isClosedWhileTheOthersAndOtherListenersServe() {
        RawMqttClient first = connected("two-at-most", "first");
        connected("two-at-most", "second");

        raw("two-at-most").expectClosed();

        first.send(Packets.pingreq()).expectPacket(Packets.pingresp());
        connected("tcp", "default-listener-unaffected");
        assertThat(broker.broker().refusedConnections("two-at-most")).isEqualTo(1);
    }

    @Test
    void listenerLimit_afterADisconnect_admitsAgain() {
        connected("two-at-most", "a");
        connected("two-at-most", "b").send(Packets.disconnect()).expectClosed();

        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            try (RawMqttClient client = RawMqttClient.connect("127.0.0.1", broker.broker().port("two-at-most"))) {
                client.send(Packets.connect("c", CleanSession.YES, 60))
                        .expectPacket(Packets.connack(SessionPresent.NO, 0));
            }
        });
    }

    @Test
    void connectionRate_burst_excessIsClosed() {
        // One token per second: of three connections opened back to back at least one finds no token.
        List<RawMqttClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(raw("one-per-second"));
        }

        await().atMost(BrokerExtension.WAIT)
                .until(() -> broker.broker().refusedConnections("one-per-second") >= 1);
        // The bucket holds one token and regains one per second: at least one of three gets in.
        assertThat(broker.broker().refusedConnections("one-per-second")).isBetween(1L, 2L);
    }
}
