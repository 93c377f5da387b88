package io.ternmq.e2e.spec.v5;

import io.ternmq.core.OutboundAliasPolicy;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker configured without topic aliases: mqtt.topic_alias_maximum 0, mqtt.outbound_topic_aliases none. */
class TopicAliasesOffTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.topicAliasMaximum(0)
            .outboundTopicAliases(OutboundAliasPolicy.NONE));

    @Test
    void connack_withoutTopicAliasMaximum_anyAliasIsInvalid() {
        // [MQTT-3.2.2-18] no Topic Alias Maximum in CONNACK (0): the client may use none; one is 0x94
        RawV5.Connected connected = RawV5.connected(broker, "off-in", "");
        assertThat(connected.connack()).doesNotContain("22 00");

        connected.client().send(RawV5.publish("off/in", 0, 0, "23 00 01", "a")).expectPacket("e0 01 94");
        connected.client().expectClosed();
    }

    @Test
    void outbound_policyNone_clientAcceptingAliasesGetsFullTopics() {
        RawMqttClient subscriber = RawV5.connected(broker, "off-out-sub", "22 00 05").client();
        RawV5.subscribed(subscriber, "off/out/topic", 0);
        RawMqttClient publisher = broker.connected("off-out-pub");

        for (int i = 0; i < 3; i++) {
            publisher.send(Packets.publish("off/out/topic", "p"));
        }

        for (int i = 0; i < 3; i++) {
            subscriber.expectPacket(RawV5.publish("off/out/topic", 0, 0, "", "p"));
        }
    }
}
