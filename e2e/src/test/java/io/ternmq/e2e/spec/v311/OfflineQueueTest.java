package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.ternmq.e2e.BrokerExtension.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue of a persistent session whose client is offline is bounded; overflow is dropped and counted. */
class OfflineQueueTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.maxQueuedMessages(3));

    @Test
    void offlineQueue_overLimit_keepsLimitDeliversThemAndCountsDrops() {
        // [MQTT-3.1.2-5] [MQTT-4.5.0-1]
        RawMqttClient subscriber = broker.connectedPersistent("q-sub", SessionPresent.NO);
        subscribe(subscriber, "q/t", 1);
        subscriber.send(Packets.disconnect()).expectClosed();
        broker.awaitConnectedClients(0);

        RawMqttClient publisher = broker.connected("q-pub");
        for (int i = 1; i <= 5; i++) {
            Flows.publishQos1(publisher, "q/t", "m" + i, i);
        }
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().queueOverflowDrops() == 2);

        RawMqttClient back = broker.raw().send(Packets.connect("q-sub", CleanSession.NO, 60));
        back.expectBytes("20 02 01 00");
        for (int i = 1; i <= 3; i++) {
            Flows.acknowledge(back, Flows.expectPublish(back, "q/t", "m" + i, 1));
        }
        Flows.expectNoMorePublishes(back);
        assertThat(broker.stats().queueOverflowDrops()).isEqualTo(2);
    }
}
