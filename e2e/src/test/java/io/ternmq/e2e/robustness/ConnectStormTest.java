package io.ternmq.e2e.robustness;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Packets;
import io.ternmq.transport.TransportStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A storm of sockets that never send CONNECT: beyond {@code limits.max_pending_connects} they are closed at accept;
 * the rest are closed by the connect timeout; afterwards nothing is held and honest clients are served.
 */
class ConnectStormTest {

    private static final int MAX_PENDING = 20;
    private static final int STORM = 120;

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.maxPendingConnects(MAX_PENDING)
            .connectTimeout(Duration.ofSeconds(1)));

    @Test
    void silentSockets_beyondThePendingCap_closedAtAcceptAndAllReleasedAfterTheTimeout() throws IOException {
        TransportStats network = broker.broker().networkStats();
        List<Socket> storm = new ArrayList<>();
        try {
            for (int i = 0; i < STORM; i++) {
                storm.add(new Socket("127.0.0.1", broker.port()));
            }

            for (Socket socket : storm) {
                assertThat(endOfStream(socket)).as("every silent socket is closed by the broker").isTrue();
            }
            assertThat(network.refusedPendingConnects()).as("closed at accept")
                    .isBetween((long) STORM - MAX_PENDING, (long) STORM - 1);
            await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
                assertThat(network.openConnections()).isZero();
                assertThat(network.pendingConnects()).isZero();
            });
            assertThat(broker.stats().connectedClients()).isZero();
        } finally {
            for (Socket socket : storm) {
                socket.close();
            }
        }
        broker.connected("after-the-storm").send(Packets.pingreq()).expectPacket(Packets.pingresp());
    }

    private static boolean endOfStream(Socket socket) throws IOException {
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
