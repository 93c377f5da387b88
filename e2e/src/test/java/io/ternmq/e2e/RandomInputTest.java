package io.ternmq.e2e;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.util.Random;

/** Garbage on the wire never takes the broker down or leaks connections (seeded, so failures reproduce). */
class RandomInputTest {

    private static final long SEED = 0x7E2A_3114L;
    private static final int CONNECTIONS = 60;

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void randomBytes_beforeAndAfterConnect_brokerKeepsServingAndReleasesConnections() {
        Random random = new Random(SEED);
        for (int i = 0; i < CONNECTIONS; i++) {
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            byte[] bytes = i % 2 == 0 ? garbage
                    : Hex.concat(Packets.connect("rnd-" + i, CleanSession.YES, 60), garbage);
            try (RawMqttClient client = RawMqttClient.connect("127.0.0.1", broker.port())) {
                sendIgnoringClose(client, bytes);
            }
        }
        broker.awaitConnectedClients(0);
        broker.connected("rnd-after").send(Packets.pingreq()).expectPacket(Packets.pingresp());
    }

    /** The broker may close the connection before all garbage is written; that is a correct reaction. */
    private static void sendIgnoringClose(RawMqttClient client, byte[] bytes) {
        try {
            client.send(bytes);
        } catch (UncheckedIOException closedByBroker) {
            // Expected for input the broker rejected early.
        }
    }
}
