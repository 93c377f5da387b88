package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Subscription;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SUBSCRIBE, UNSUBSCRIBE and PINGREQ from 5.0 clients (sections 3.8 to 3.12) and topic filter rules (4.7); the
 * subscription options beyond the QoS are tested with the features they drive.
 */
class SubscribeTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static void expectDisconnect(RawMqttClient client, String hex) {
        client.expectPacket(hex);
        client.expectClosed();
    }

    @Test
    void subscribe_wrongFixedHeaderFlags_malformed() {
        // [MQTT-3.8.1-1] [MQTT-2.1.3-1] SUBSCRIBE flags are 0010
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-flags");
        client.send(Packets.packet(0x80, Packets.uint16(1), new byte[] {0}, Packets.string("a"), new byte[] {0}));
        expectDisconnect(client, "e0 01 81");
    }

    @Test
    void subscribe_noFilter_malformedOrProtocolError() {
        // [MQTT-3.8.3-2] at least one filter
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-empty");
        client.send(Packets.packet(0x82, Packets.uint16(1), new byte[] {0}));
        ReceivedDisconnect.expectAtLeast0x80ThenClosed(client);
    }

    @Test
    void subscribe_filterIllFormedUtf8_malformed() {
        // [MQTT-3.8.3-1] [MQTT-1.5.4-1]
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-utf8");
        client.send(Packets.packet(0x82, Packets.uint16(1), new byte[] {0}, new byte[] {0, 1, (byte) 0xFE, 0}));
        expectDisconnect(client, "e0 01 81");
    }

    @Test
    void subscribe_sameFilterAgain_replacesSubscription() {
        // [MQTT-3.8.4-3] the second SUBSCRIBE replaces the first: one copy, at the new maximum QoS;
        // [MQTT-3.8.4-4] with Retain Handling 0 the retained message is sent again
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "s5-rep-pub");
        publisher.send(Mqtt5Packets.publish("s5/rep", 1, Retain.YES, Dup.NO, 1, properties(), "kept"));
        Mqtt5Flows.expectAck(publisher, 4, 1);
        RawMqttClient subscriber = Mqtt5Flows.connected(broker, "s5-rep");
        subscriber.send(Mqtt5Packets.subscribe(1, "s5/rep", 0)).expectPacket("90 04 00 01 00 00");
        Mqtt5Flows.expectPublish(subscriber, "s5/rep", "kept", 0);
        subscriber.send(Mqtt5Packets.subscribe(2, "s5/rep", 1)).expectPacket("90 04 00 02 00 01");
        ReceivedMqtt5Publish again = Mqtt5Flows.expectPublish(subscriber, "s5/rep", "kept", 1);
        assertThat(again.retain()).isEqualTo(Retain.YES);
        Mqtt5Flows.acknowledge(subscriber, again);
        Mqtt5Flows.publishQos1(publisher, "s5/rep", properties(), "live", 2);
        Mqtt5Flows.acknowledge(subscriber, Mqtt5Flows.expectPublish(subscriber, "s5/rep", "live", 1));
        Mqtt5Flows.expectNothingPending(subscriber);
        publisher.send(Mqtt5Packets.publish("s5/rep", 0, Retain.YES, Dup.NO, 0, properties(), new byte[0]));
    }

    @Test
    void subscribe_qos0To2_allGranted() {
        // [MQTT-3.2.2-10] QoS 0, 1 and 2 subscriptions are accepted; [MQTT-3.8.4-7] granted as asked
        Mqtt5Flows.connected(broker, "s5-qos").send(Mqtt5Packets.subscribe(9, properties(),
                Mqtt5Subscription.of("s5/q0", 0), Mqtt5Subscription.of("s5/q1", 1), Mqtt5Subscription.of("s5/q2", 2)))
                .expectPacket("90 06 00 09 00 00 01 02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/#/b", "a/b#", "a+/b", "+a", ""})
    void subscribe_invalidFilter_malformedDisconnect(String filter) {
        // [MQTT-4.7.1-1] '#' last and alone in its level; [MQTT-4.7.1-2] '+' a whole level; [MQTT-4.7.3-1] not
        // empty: such a filter makes the SUBSCRIBE malformed
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-bad");
        client.send(Mqtt5Packets.subscribe(3, filter, 0));
        expectDisconnect(client, "e0 01 81");
    }

    @Test
    void wildcards_matchWholeLevelsAndNotDollarTopics() {
        // [MQTT-4.7.1-2] '+' matches one whole level, first and last included; [MQTT-4.7.2-1] a filter starting with
        // a wildcard never matches a "$" topic; [MQTT-4.7.3-4] matching is exact, no case folding; [MQTT-3.3.2-3]
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "s5-wild", "+/s5w/+", 0);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "s5-wild-pub");
        publisher.send(Mqtt5Packets.publish("$s5/s5w/x", "dollar"));
        publisher.send(Mqtt5Packets.publish("a/S5W/x", "case"));
        publisher.send(Mqtt5Packets.publish("a/s5w/b/c", "deeper"));
        publisher.send(Mqtt5Packets.publish("a/s5w/b", "plus"));
        Mqtt5Flows.expectPublish(subscriber, "a/s5w/b", "plus", 0); // the first three were not delivered
    }

    @Test
    void unsubscribe_wrongFixedHeaderFlags_malformed() {
        // [MQTT-3.10.1-1] [MQTT-2.1.3-1]
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-uflags");
        client.send(Packets.packet(0xA0, Packets.uint16(1), new byte[] {0}, Packets.string("a")));
        expectDisconnect(client, "e0 01 81");
    }

    @Test
    void unsubscribe_noFilter_malformedOrProtocolError() {
        // [MQTT-3.10.3-2]
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-uempty");
        client.send(Packets.packet(0xA2, Packets.uint16(1), new byte[] {0}));
        ReceivedDisconnect.expectAtLeast0x80ThenClosed(client);
    }

    @Test
    void unsubscribe_filterIllFormedUtf8_malformed() {
        // [MQTT-3.10.3-1] [MQTT-1.5.4-1]
        RawMqttClient client = Mqtt5Flows.connected(broker, "s5-uutf8");
        client.send(Packets.packet(0xA2, Packets.uint16(1), new byte[] {0}, new byte[] {0, 1, (byte) 0xC1}));
        expectDisconnect(client, "e0 01 81");
    }

    @Test
    void unsubscribe_literalComparison_stopsDeliveryAndCompletesStarted() {
        // [MQTT-3.10.4-1] filters compared character by character: "s5/u/+" removes only "s5/u/+";
        // [MQTT-3.10.4-2] no new messages afterwards; [MQTT-3.10.4-3] a QoS 1 delivery already begun completes
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "s5-unsub", "s5/u/+", 1);
        Mqtt5Flows.subscribe(subscriber, 2, "s5/u/keep", 0);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "s5-unsub-pub");
        Mqtt5Flows.publishQos1(publisher, "s5/u/x", properties(), "inflight", 1);
        ReceivedMqtt5Publish inflight = Mqtt5Flows.expectPublish(subscriber, "s5/u/x", "inflight", 1);
        subscriber.send(Mqtt5Packets.unsubscribe(3, "s5/u/+")).expectPacket("b0 04 00 03 00 00");
        subscriber.send(Packets.puback(inflight.packetId()));
        publisher.send(Mqtt5Packets.publish("s5/u/x", "gone"));
        publisher.send(Mqtt5Packets.publish("s5/u/keep", "kept"));
        Mqtt5Flows.expectPublish(subscriber, "s5/u/keep", "kept", 0);
    }

    @Test
    void pingreq_answeredWithPingresp() {
        // [MQTT-3.12.4-1]
        Mqtt5Flows.connected(broker, "s5-ping").send(Packets.pingreq()).expectPacket("d0 00");
    }
}
