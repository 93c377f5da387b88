package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Idle connections: keep-alive expiry (1.5 x the keep-alive) and the CONNECT timeout. */
class KeepAliveTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.connectTimeout(Duration.ofSeconds(1)));

    @Test
    void keepAlive_clientGoesSilent_connectionDroppedAndWillPublished() {
        // [MQTT-3.1.2-24] after 1.5 s without a packet the broker acts as if the network failed
        RawMqttClient watcher = broker.subscriber("ka-watch", "ka/will", 1);
        RawMqttClient silent = broker.raw().send(Packets.connectWithWill("ka-silent", CleanSession.YES, 1, "ka/will",
                "silent".getBytes(StandardCharsets.UTF_8), 1, Retain.NO)).expectPacket("20 02 00 00");
        Flows.expectPublish(watcher, "ka/will", "silent", 1);
        silent.expectClosed();
    }

    @Test
    void keepAlive_clientPings_staysConnected() {
        // [MQTT-3.1.2-24] any packet within 1.5 x keep-alive resets the timer; four pings span more than 1.5 s
        RawMqttClient client = broker.raw().send(Packets.connect("ka-pinger", CleanSession.YES, 1))
                .expectPacket("20 02 00 00");
        for (int i = 0; i < 4; i++) {
            client.expectNothing(Duration.ofMillis(500));
            client.send(Packets.pingreq()).expectPacket(Packets.pingresp());
        }
    }

    @Test
    void connectTimeout_noConnectSent_connectionClosed() {
        broker.raw().expectClosed();
    }
}
