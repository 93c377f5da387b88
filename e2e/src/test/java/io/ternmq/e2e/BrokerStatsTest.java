package io.ternmq.e2e;

import io.ternmq.testkit.Hex;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;

/** The counters of {@code broker.stats()} follow what clients do. */
class BrokerStatsTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void stats_connectPublishDeliver_countedAndConnectionsTracked() {
        RawMqttClient subscriber = broker.subscriber("st-sub", "st/t", 1);
        RawMqttClient publisher = broker.connected("st-pub");
        broker.awaitConnectedClients(2);

        Flows.publishQos1(publisher, "st/t", "counted", 1);
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "st/t", "counted", 1));
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().messagesReceived() == 1
                && broker.stats().messagesSent() == 1);

        publisher.close();
        broker.awaitConnectedClients(1);
    }

    @Test
    void stats_protocolViolation_countedOnce() {
        broker.connected("st-bad").send(Hex.parse("30 03 00 00 78")).expectClosed(); // empty topic name
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().protocolViolations() == 1);
        broker.awaitConnectedClients(0);
    }
}
