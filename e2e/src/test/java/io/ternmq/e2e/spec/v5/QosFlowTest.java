package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.CleanStart;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5ConnectBuilder;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** QoS 0/1/2 exchanges with 5.0 clients (sections 4.3 and 4.4), both as receiver and as sender. */
class QosFlowTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static Mqtt5ConnectBuilder persistent(String clientId) {
        return Mqtt5Packets.connect(clientId).cleanStart(CleanStart.NO).properties(properties()
                .sessionExpiryInterval(300));
    }

    private static void endSession(RawMqttClient client) {
        client.send(Mqtt5Packets.disconnect(0x00, properties().sessionExpiryInterval(0)));
        client.expectClosed();
    }

    @Test
    void qos0_delivered_withQos0DupZeroAndNoPacketId() {
        // [MQTT-4.3.1-1] [MQTT-3.3.1-2] [MQTT-2.2.1-2] [MQTT-3.3.4-1] no reply to a QoS 0 PUBLISH
        // subscribed at QoS 2, so the QoS is the published one [MQTT-3.8.4-8]
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "q-0-sub", "q/0", 2);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "q-0-pub");
        publisher.send(Mqtt5Packets.publish("q/0", 0, Retain.NO, Dup.NO, 0, properties(), "z"));
        subscriber.expectPacket("30 07 00 03 71 2f 30 00 7a"); // QoS 0, DUP 0, no packet id, no properties
        Mqtt5Flows.expectNothingPending(publisher);
    }

    @Test
    void qos1_fromClient_pubackWithItsIdAndReuseIsANewMessage() {
        // [MQTT-4.3.2-4] PUBACK with the incoming id; [MQTT-4.3.2-5] the id reused after PUBACK is a new message,
        // DUP or not; [MQTT-3.3.1-3] the outgoing DUP does not copy the incoming one
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "q-1in-sub", "q/1in", 1);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "q-1in-pub");
        publisher.send(Mqtt5Packets.publish("q/1in", 1, Retain.NO, Dup.NO, 0x0101, properties(), "a"))
                .expectPacket("40 02 01 01");
        publisher.send(Mqtt5Packets.publish("q/1in", 1, Retain.NO, Dup.YES, 0x0101, properties(), "b"))
                .expectPacket("40 02 01 01");
        ReceivedMqtt5Publish first = Mqtt5Flows.expectPublish(subscriber, "q/1in", "a", 1);
        ReceivedMqtt5Publish second = Mqtt5Flows.expectPublish(subscriber, "q/1in", "b", 1);
        assertThat(second.dup()).isEqualTo(Dup.NO);
        Mqtt5Flows.acknowledge(subscriber, first);
        Mqtt5Flows.acknowledge(subscriber, second);
    }

    @Test
    void qos1_toClient_freshIdsDupZero_redeliveredWithDupOnResume() {
        // [MQTT-4.3.2-1] [MQTT-2.2.1-4] non-zero ids not in use; [MQTT-4.3.2-2] DUP 0 on the first attempt;
        // [MQTT-4.3.2-3] unacknowledged until PUBACK; [MQTT-4.4.0-1] resent with the same id on resume;
        // [MQTT-3.3.1-1] with DUP 1
        Mqtt5Flows.ConnectResult first = Mqtt5Flows.connect(broker, persistent("q-1out"));
        Mqtt5Flows.subscribe(first.client(), 1, "q/1out", 1);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "q-1out-pub");
        Mqtt5Flows.publishQos1(publisher, "q/1out", properties(), "one", 1);
        Mqtt5Flows.publishQos1(publisher, "q/1out", properties(), "two", 2);
        ReceivedMqtt5Publish one = Mqtt5Flows.expectPublish(first.client(), "q/1out", "one", 1);
        ReceivedMqtt5Publish two = Mqtt5Flows.expectPublish(first.client(), "q/1out", "two", 1);
        assertThat(one.packetId()).isNotZero().isNotEqualTo(two.packetId());
        assertThat(two.packetId()).isNotZero();
        assertThat(one.dup()).isEqualTo(Dup.NO);
        first.client().send(Packets.puback(one.packetId()));
        first.client().close();
        broker.awaitConnectedClients(1);

        RawMqttClient resumed = Mqtt5Flows.connected(broker, persistent("q-1out"));
        ReceivedMqtt5Publish again = Mqtt5Flows.expectPublish(resumed, "q/1out", "two", 1);
        assertThat(again.packetId()).isEqualTo(two.packetId());
        assertThat(again.dup()).isEqualTo(Dup.YES);
        Mqtt5Flows.acknowledge(resumed, again);
        Mqtt5Flows.expectNothingPending(resumed); // "one" was acknowledged and is not resent
        endSession(resumed);
    }

    @Test
    void qos1_toClient_errorPuback_countsAsAcknowledged() {
        // [MQTT-4.4.0-2] a PUBACK with a reason code of 0x80 or more still ends the delivery: no retransmission
        Mqtt5Flows.ConnectResult first = Mqtt5Flows.connect(broker, persistent("q-1err"));
        Mqtt5Flows.subscribe(first.client(), 1, "q/1err", 1);
        Mqtt5Flows.publishQos1(Mqtt5Flows.connected(broker, "q-1err-pub"), "q/1err", properties(), "refused", 1);
        ReceivedMqtt5Publish refused = Mqtt5Flows.expectPublish(first.client(), "q/1err", "refused", 1);
        first.client().send(Mqtt5Packets.puback(refused.packetId(), 0x80));
        Mqtt5Flows.expectNothingPending(first.client());
        first.client().close();
        broker.awaitConnectedClients(1);
        RawMqttClient resumed = Mqtt5Flows.connected(broker, persistent("q-1err"));
        Mqtt5Flows.expectNothingPending(resumed);
        endSession(resumed);
    }

    @Test
    void qos2_fromClient_duplicateBeforePubrelNotDeliveredTwice() {
        // [MQTT-4.3.3-8] PUBREC with the incoming id; [MQTT-4.3.3-10] the same id again before PUBREL gets another
        // PUBREC and is not delivered again; [MQTT-4.3.3-11] PUBCOMP with the same id; [MQTT-4.3.3-12] afterwards
        // the id starts a new message
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "q-2in-sub", "q/2in", 2);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "q-2in-pub");
        publisher.send(Mqtt5Packets.publish("q/2in", 2, Retain.NO, Dup.NO, 7, properties(), "once"))
                .expectPacket("50 02 00 07");
        publisher.send(Mqtt5Packets.publish("q/2in", 2, Retain.NO, Dup.YES, 7, properties(), "once"))
                .expectPacket("50 02 00 07");
        publisher.send(Packets.pubrel(7)).expectPacket("70 02 00 07");
        publisher.send(Mqtt5Packets.publish("q/2in", 2, Retain.NO, Dup.NO, 7, properties(), "new"))
                .expectPacket("50 02 00 07");
        publisher.send(Packets.pubrel(7)).expectPacket("70 02 00 07");
        ReceivedMqtt5Publish once = Mqtt5Flows.expectPublish(subscriber, "q/2in", "once", 2);
        ReceivedMqtt5Publish renewed = Mqtt5Flows.expectPublish(subscriber, "q/2in", "new", 2);
        Mqtt5Flows.acknowledge(subscriber, once);
        Mqtt5Flows.acknowledge(subscriber, renewed);
    }

    @Test
    void qos2_toClient_pubrelAfterPubrec_resentOnResumeNeverThePublish() {
        // [MQTT-4.3.3-1] [MQTT-4.3.3-2] fresh id, QoS 2, DUP 0; [MQTT-4.3.3-3] unacknowledged until PUBREC;
        // [MQTT-4.3.3-4] PUBREL with the same id; [MQTT-4.3.3-5] unacknowledged until PUBCOMP; [MQTT-4.3.3-6]
        // [MQTT-4.4.0-1] on resume the PUBREL is resent, never the PUBLISH
        Mqtt5Flows.ConnectResult first = Mqtt5Flows.connect(broker, persistent("q-2out"));
        Mqtt5Flows.subscribe(first.client(), 1, "q/2out", 2);
        Mqtt5Flows.publishQos2(Mqtt5Flows.connected(broker, "q-2out-pub"), "q/2out", properties(), "m", 1);
        ReceivedMqtt5Publish publish = Mqtt5Flows.expectPublish(first.client(), "q/2out", "m", 2);
        assertThat(publish.packetId()).isNotZero();
        assertThat(publish.dup()).isEqualTo(Dup.NO);
        first.client().send(Packets.pubrec(publish.packetId()));
        Mqtt5Flows.expectAck(first.client(), ReceivedMqtt5Packet.PUBREL, publish.packetId());
        first.client().close();
        broker.awaitConnectedClients(1);

        RawMqttClient resumed = Mqtt5Flows.connected(broker, persistent("q-2out"));
        resumed.expectPacket(Packets.pubrel(publish.packetId()));
        resumed.send(Packets.pubcomp(publish.packetId()));
        Mqtt5Flows.expectNothingPending(resumed);
        endSession(resumed);
    }

    @Test
    void ordering_manyQos1Messages_deliveredInPublishOrder() {
        // [MQTT-4.6.0-5] [MQTT-4.6.0-6] every topic is an ordered topic on non-shared subscriptions;
        // [MQTT-4.5.0-1] each message reaches every matching subscriber's session
        RawMqttClient a = Mqtt5Flows.subscriber(broker, "q-ord-a", "q/ord/#", 1);
        RawMqttClient b = Mqtt5Flows.subscriber(broker, "q-ord-b", "q/+/x", 1);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "q-ord-pub");
        for (int i = 1; i <= 20; i++) {
            Mqtt5Flows.publishQos1(publisher, "q/ord/x", properties(), "m" + i, i);
        }
        for (RawMqttClient subscriber : new RawMqttClient[] {a, b}) {
            for (int i = 1; i <= 20; i++) {
                Mqtt5Flows.acknowledge(subscriber, Mqtt5Flows.expectPublish(subscriber, "q/ord/x", "m" + i, 1));
            }
        }
    }

    @Test
    void overlappingSubscriptions_highestGrantedQosWins() {
        // [MQTT-3.3.4-2] [MQTT-3.8.4-8] the delivered QoS is min(published, granted) over the best match
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "q-ovl", "q/ovl/#", 0);
        Mqtt5Flows.subscribe(subscriber, 2, "q/ovl/+", 2);
        Mqtt5Flows.publishQos1(Mqtt5Flows.connected(broker, "q-ovl-pub"), "q/ovl/a", properties(), "m", 1);
        ReceivedMqtt5Publish received = subscriber.readMqtt5Publish();
        assertThat(received.qos()).isEqualTo(1);
        Mqtt5Flows.acknowledge(subscriber, received);
    }

    @Test
    void pubrel_wrongFixedHeaderFlags_malformed() {
        // [MQTT-3.6.1-1] [MQTT-2.1.3-1] PUBREL flags are 0010; 0000 is malformed
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "q-pubrel-flags");
        publisher.send(Mqtt5Packets.publish("q/flags", 2, Retain.NO, Dup.NO, 1, properties(), "x"))
                .expectPacket("50 03 00 01 10");
        publisher.send("60 02 00 01").expectPacket("e0 01 81");
        publisher.expectClosed();
    }

    @Test
    void remainingLength_notMinimallyEncoded_malformed() {
        // [MQTT-1.5.5-1] a Variable Byte Integer uses as few bytes as it can: 0 written as 80 00 is malformed
        RawMqttClient client = Mqtt5Flows.connected(broker, "q-vbi");
        client.send("c0 80 00").expectPacket("e0 01 81");
        client.expectClosed();
    }
}
