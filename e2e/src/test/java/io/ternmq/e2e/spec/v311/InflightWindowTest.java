package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-flight window: at most maxInflightMessages unacknowledged QoS 1/2 PUBLISHes per client, in order. */
class InflightWindowTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.maxInflightMessages(2));

    @Test
    void window_full_nextMessageWaitsForAnAckAndOrderIsKept() {
        // [MQTT-4.6.0-6] [MQTT-2.3.1-4]
        RawMqttClient subscriber = broker.subscriber("i-sub", "i/t", 1);
        RawMqttClient publisher = broker.connected("i-pub");
        for (int i = 1; i <= 4; i++) {
            Flows.publishQos1(publisher, "i/t", "m" + i, i);
        }
        ReceivedPublish first = Flows.expectPublish(subscriber, "i/t", "m1", 1);
        ReceivedPublish second = Flows.expectPublish(subscriber, "i/t", "m2", 1);
        Flows.expectNoMorePublishes(subscriber);

        subscriber.send(Packets.puback(first.packetId()));
        ReceivedPublish third = Flows.expectPublish(subscriber, "i/t", "m3", 1);
        assertThat(third.packetId()).isNotEqualTo(second.packetId());
        subscriber.send(Packets.puback(second.packetId()));
        subscriber.send(Packets.puback(third.packetId()));
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "i/t", "m4", 1));
    }
}
