package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UNSUBSCRIBE/UNSUBACK (section 3.10, 3.11). */
class UnsubscribeTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void unsubscribe_existingFilter_unsubackEchoesPacketId() {
        // [MQTT-3.10.4-4] [MQTT-2.3.1-7]
        RawMqttClient client = broker.subscriber("u-ack", "u/ack", 0);
        client.send("a2 07 0a 0b 00 03 75 2f 78").expectBytes("b0 02 0a 0b"); // UNSUBSCRIBE 0x0a0b "u/x"
        client.send(Packets.unsubscribe(0x0c0d, "u/ack")).expectBytes("b0 02 0c 0d");
    }

    @Test
    void unsubscribe_filterNeverSubscribed_stillGetsUnsuback() {
        // [MQTT-3.10.4-5]
        broker.connected("u-none").send(Packets.unsubscribe(5, "u/never")).expectPacket(Packets.unsuback(5));
    }

    @Test
    void unsubscribe_removedSubscription_receivesNoNewMessages() {
        // [MQTT-3.10.4-2]
        RawMqttClient subscriber = broker.connected("u-gone");
        subscriber.send(Packets.subscribe(1, new Subscription("u/gone", 1), new Subscription("u/stay", 1)))
                .expectPacket(Packets.suback(1, 1, 1));
        subscriber.send(Packets.unsubscribe(2, "u/gone")).expectPacket(Packets.unsuback(2));
        RawMqttClient publisher = broker.connected("u-gone-pub");
        Flows.publishQos1(publisher, "u/gone", "after unsubscribe", 1);
        Flows.publishQos1(publisher, "u/stay", "still subscribed", 2);
        Flows.expectPublish(subscriber, "u/stay", "still subscribed", 1);
    }

    @Test
    void unsubscribe_twoFilters_oneUnsubackAndBothRemoved() {
        // [MQTT-3.10.4-6] [MQTT-3.10.3-1]
        RawMqttClient subscriber = broker.connected("u-two");
        subscriber.send(Packets.subscribe(1, new Subscription("u2/a", 0), new Subscription("u2/b", 0),
                new Subscription("u2/c", 0))).expectPacket(Packets.suback(1, 0, 0, 0));
        subscriber.send(Packets.unsubscribe(3, "u2/a", "u2/b")).expectBytes("b0 02 00 03");
        Flows.expectNoMorePublishes(subscriber); // no second UNSUBACK
        RawMqttClient publisher = broker.connected("u-two-pub");
        Flows.publishQos1(publisher, "u2/a", "a", 1);
        Flows.publishQos1(publisher, "u2/b", "b", 2);
        Flows.publishQos1(publisher, "u2/c", "c", 3);
        Flows.expectPublish(subscriber, "u2/c", "c", 0);
    }

    @Test
    void unsubscribe_concreteTopicAgainstWildcardSubscription_removesNothing() {
        // [MQTT-3.10.4-1] filters compare character by character: "u3/x" is not "u3/+"
        RawMqttClient subscriber = broker.subscriber("u-lit1", "u3/+", 0);
        subscriber.send(Packets.unsubscribe(2, "u3/x")).expectPacket(Packets.unsuback(2));
        Flows.publishQos1(broker.connected("u-lit1-pub"), "u3/x", "still matched", 1);
        Flows.expectPublish(subscriber, "u3/x", "still matched", 0);
    }

    @Test
    void unsubscribe_wildcardAgainstConcreteSubscription_removesNothing() {
        // [MQTT-3.10.4-1] "u4/+" is taken literally and does not remove "u4/x"
        RawMqttClient subscriber = broker.subscriber("u-lit2", "u4/x", 0);
        subscriber.send(Packets.unsubscribe(2, "u4/+")).expectPacket(Packets.unsuback(2));
        Flows.publishQos1(broker.connected("u-lit2-pub"), "u4/x", "still matched", 1);
        Flows.expectPublish(subscriber, "u4/x", "still matched", 0);
    }

    @Test
    void unsubscribe_duringQos2Delivery_deliveryCompletes() {
        // [MQTT-3.10.4-3]
        RawMqttClient subscriber = broker.subscriber("u-inflight", "u/inflight", 2);
        Flows.publishQos2(broker.connected("u-inflight-pub"), "u/inflight", "begun", 1);
        ReceivedPublish p = Flows.expectPublish(subscriber, "u/inflight", "begun", 2);
        subscriber.send(Packets.unsubscribe(2, "u/inflight")).expectPacket(Packets.unsuback(2));
        subscriber.send(Packets.pubrec(p.packetId())).expectPacket(Packets.pubrel(p.packetId()));
        subscriber.send(Packets.pubcomp(p.packetId()));
        Flows.expectNoMorePublishes(subscriber);
    }

    @Test
    void unsubscribe_noFilters_closesConnection() {
        // [MQTT-3.10.3-2]
        broker.connected("u-empty").send("a2 02 00 01").expectClosed();
    }

    @Test
    void unsubscribe_emptyFilter_closesConnection() {
        // [MQTT-4.7.3-1]
        broker.connected("u-emptyfilter").send("a2 04 00 01 00 00").expectClosed();
    }

    @Test
    void unsubscribe_filterIllFormedUtf8_closesConnection() {
        // [MQTT-3.10.3-1] [MQTT-1.5.3-1]
        broker.connected("u-utf").send("a2 06 00 01 00 02 c0 af").expectClosed();
    }

    @Test
    void unsubscribe_packetId0_closesConnection() {
        // [MQTT-2.3.1-1]
        broker.connected("u-id0").send(Packets.unsubscribe(0, "u/x")).expectClosed();
    }

    @Test
    void unsubscribe_fixedHeaderFlags0000_closesConnection() {
        // [MQTT-3.10.1-1] [MQTT-2.2.2-2]
        broker.connected("u-flags").send("a0 07 00 01 00 03 75 2f 78").expectClosed();
    }
}
