package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PUBLISH and the QoS 0/1/2 flows in both directions (sections 2.3, 3.3, 4.3, 4.5, 4.6). */
class PublishTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void qos0_inbound_noReplyAndForwardedWithoutPacketIdOrDup() {
        // [MQTT-3.3.4-1] [MQTT-2.3.1-5] [MQTT-4.3.1-1] [MQTT-3.3.1-2]
        RawMqttClient subscriber = broker.subscriber("p-q0-sub", "p/q0", 0);
        RawMqttClient publisher = broker.connected("p-q0-pub");
        publisher.send("30 0a 00 04 70 2f 71 30 7a 65 72 6f");          // PUBLISH QoS 0 "p/q0" "zero"
        publisher.send(Packets.pingreq()).expectBytes("d0 00");          // nothing came back before the PINGRESP
        subscriber.expectBytes("30 0a 00 04 70 2f 71 30 7a 65 72 6f");
    }

    @Test
    void qos1_inbound_pubackEchoesPacketId() {
        // [MQTT-3.3.4-1] [MQTT-2.3.1-6] [MQTT-4.3.2-2]
        broker.connected("p-q1").send("32 07 00 03 70 2f 31 12 34").expectBytes("40 02 12 34");
    }

    @Test
    void qos2_inbound_pubrecThenPubcompEchoPacketId() {
        // [MQTT-3.3.4-1] [MQTT-2.3.1-6] [MQTT-4.3.3-2]
        RawMqttClient publisher = broker.connected("p-q2");
        publisher.send("34 07 00 03 70 2f 32 ab cd").expectBytes("50 02 ab cd");
        publisher.send("62 02 ab cd").expectBytes("70 02 ab cd");
    }

    @Test
    void qos1_outbound_freshNonZeroPacketIdDup0UntilPuback() {
        // [MQTT-4.3.2-1] [MQTT-2.3.1-1] [MQTT-2.3.1-4]
        RawMqttClient subscriber = broker.subscriber("p-out1-sub", "p/out1", 1);
        Flows.publishQos1(broker.connected("p-out1-pub"), "p/out1", "one", 7);
        ReceivedPublish p = subscriber.readPublish();
        assertThat(p.packetId()).isNotZero();
        assertThat(p.bytes()).isEqualTo(Packets.publish("p/out1", 1, Retain.NO, Dup.NO, p.packetId(), "one"));
        subscriber.send(Packets.puback(p.packetId()));
        Flows.expectNoMorePublishes(subscriber);
    }

    @Test
    void qos2_outbound_fullFlowAndNoResendAfterPubrel() {
        // [MQTT-4.3.3-1] [MQTT-2.3.1-6]
        RawMqttClient subscriber = broker.subscriber("p-out2-sub", "p/out2", 2);
        Flows.publishQos2(broker.connected("p-out2-pub"), "p/out2", "two", 9);
        ReceivedPublish p = subscriber.readPublish();
        assertThat(p.packetId()).isNotZero();
        assertThat(p.bytes()).isEqualTo(Packets.publish("p/out2", 2, Retain.NO, Dup.NO, p.packetId(), "two"));
        subscriber.send(Packets.pubrec(p.packetId())).expectPacket(Packets.pubrel(p.packetId()));
        subscriber.send(Packets.pubcomp(p.packetId()));
        Flows.expectNoMorePublishes(subscriber);
    }

    @Test
    void outbound_twoUnacknowledgedMessages_haveDistinctPacketIds() {
        // [MQTT-2.3.1-4] [MQTT-2.3.1-1]
        RawMqttClient subscriber = broker.subscriber("p-ids-sub", "p/ids", 1);
        RawMqttClient publisher = broker.connected("p-ids-pub");
        Flows.publishQos1(publisher, "p/ids", "a", 1);
        Flows.publishQos1(publisher, "p/ids", "b", 2);
        ReceivedPublish a = Flows.expectPublish(subscriber, "p/ids", "a", 1);
        ReceivedPublish b = Flows.expectPublish(subscriber, "p/ids", "b", 1);
        assertThat(a.packetId()).isNotZero().isNotEqualTo(b.packetId());
        assertThat(b.packetId()).isNotZero();
    }

    @Test
    void inboundDup_forwardedPublish_hasDup0() {
        // [MQTT-3.3.1-3]
        RawMqttClient subscriber = broker.subscriber("p-dup-sub", "p/dup", 1);
        broker.connected("p-dup-pub").send(Packets.publish("p/dup", 1, Retain.NO, Dup.YES, 5, "d"))
                .expectPacket(Packets.puback(5));
        assertThat(Flows.expectPublish(subscriber, "p/dup", "d", 1).dup()).isEqualTo(Dup.NO);
    }

    @Test
    void inboundDupQos1_forwardedAtQos0_hasDup0() {
        // [MQTT-3.3.1-2] [MQTT-3.3.1-3]
        RawMqttClient subscriber = broker.subscriber("p-dup0-sub", "p/dup0", 0);
        broker.connected("p-dup0-pub").send(Packets.publish("p/dup0", 1, Retain.NO, Dup.YES, 6, "d"))
                .expectPacket(Packets.puback(6));
        subscriber.expectPacket(Packets.publish("p/dup0", "d"));
    }

    @Test
    void qos2Inbound_resentWithDupBeforePubrel_deliveredExactlyOnce() {
        // [MQTT-4.3.3-2]
        RawMqttClient subscriber = broker.subscriber("p-once-sub", "p/once", 2);
        RawMqttClient publisher = broker.connected("p-once-pub");
        publisher.send(Packets.publish("p/once", 2, Retain.NO, Dup.NO, 7, "once")).expectBytes("50 02 00 07");
        publisher.send(Packets.publish("p/once", 2, Retain.NO, Dup.YES, 7, "once")).expectBytes("50 02 00 07");
        publisher.send(Packets.pubrel(7)).expectBytes("70 02 00 07");
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "p/once", "once", 2));
        Flows.expectMarkerNext(subscriber, publisher, "p/once");
    }

    @Test
    void qos2Inbound_packetIdReusedAfterPubcomp_isANewMessage() {
        // [MQTT-4.3.3-2]
        RawMqttClient subscriber = broker.subscriber("p-reuse2-sub", "p/reuse2", 0);
        RawMqttClient publisher = broker.connected("p-reuse2-pub");
        Flows.publishQos2(publisher, "p/reuse2", "first", 3);
        Flows.publishQos2(publisher, "p/reuse2", "second", 3);
        Flows.expectPublish(subscriber, "p/reuse2", "first", 0);
        Flows.expectPublish(subscriber, "p/reuse2", "second", 0);
    }

    @Test
    void qos1Inbound_packetIdReusedAfterPubackEvenWithDup_isANewMessage() {
        // [MQTT-4.3.2-2]
        RawMqttClient subscriber = broker.subscriber("p-reuse1-sub", "p/reuse1", 0);
        RawMqttClient publisher = broker.connected("p-reuse1-pub");
        Flows.publishQos1(publisher, "p/reuse1", "first", 4);
        publisher.send(Packets.publish("p/reuse1", 1, Retain.NO, Dup.YES, 4, "second")).expectBytes("40 02 00 04");
        Flows.expectPublish(subscriber, "p/reuse1", "first", 0);
        Flows.expectPublish(subscriber, "p/reuse1", "second", 0);
    }

    @Test
    void deliveredTopic_matchesTheSubscriptionFilter() {
        // [MQTT-3.3.2-3] [MQTT-3.3.2-1]
        RawMqttClient subscriber = broker.subscriber("p-match-sub", "p/match/+/x", 0);
        RawMqttClient publisher = broker.connected("p-match-pub");
        publisher.send(Packets.publish("p/match/a/y", "not matching"));
        publisher.send(Packets.publish("p/match/a/x", "matching"));
        Flows.expectPublish(subscriber, "p/match/a/x", "matching", 0);
    }

    @Test
    void topic_nonAsciiUtf8_isRoutedUnchanged() {
        // [MQTT-3.3.2-1] [MQTT-1.5.3-1]
        RawMqttClient subscriber = broker.subscriber("p-utf-sub", "p/grüße/€", 1);
        Flows.publishQos1(broker.connected("p-utf-pub"), "p/grüße/€", "ok", 1);
        Flows.expectPublish(subscriber, "p/grüße/€", "ok", 1);
    }

    @Test
    void topic_leadingByteOrderMark_isKeptNotStripped() {
        // [MQTT-1.5.3-3] EF BB BF is U+FEFF and stays part of the topic
        String withBom = "\uFEFFp/bom";
        RawMqttClient bomSubscriber = broker.subscriber("p-bom-sub", withBom, 0);
        RawMqttClient plainSubscriber = broker.subscriber("p-bom-plain", "p/bom", 0);
        RawMqttClient publisher = broker.connected("p-bom-pub");
        publisher.send(Packets.publish(withBom, "bom"));
        ReceivedPublish received = bomSubscriber.readPublish();
        assertThat(received.bytes()).containsSubsequence(
                new byte[] {0x00, 0x08, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'p', '/', 'b', 'o', 'm'});
        Flows.expectMarkerNext(plainSubscriber, publisher, "p/bom");
    }

    @Test
    void deliveredQos_isMinimumOfPublishedAndGranted() {
        // [MQTT-3.8.4-6]
        RawMqttClient subQos1 = broker.subscriber("p-min-1", "p/min", 1);
        RawMqttClient subQos0 = broker.subscriber("p-min-0", "p/min", 0);
        RawMqttClient subQos2 = broker.subscriber("p-min-2", "p/min", 2);
        RawMqttClient publisher = broker.connected("p-min-pub");
        Flows.publishQos2(publisher, "p/min", "at 2", 1);
        Flows.acknowledge(subQos1, Flows.expectPublish(subQos1, "p/min", "at 2", 1));
        Flows.expectPublish(subQos0, "p/min", "at 2", 0);
        Flows.acknowledge(subQos2, Flows.expectPublish(subQos2, "p/min", "at 2", 2));
        Flows.publishQos1(publisher, "p/min", "at 1", 2);
        Flows.expectPublish(subQos2, "p/min", "at 1", 1);
    }

    @Test
    void everyMatchingSession_receivesTheMessage() {
        // [MQTT-4.5.0-1]
        RawMqttClient exact = broker.subscriber("p-all-a", "p/all/x", 1);
        RawMqttClient wildcard = broker.subscriber("p-all-b", "p/all/#", 1);
        Flows.publishQos1(broker.connected("p-all-pub"), "p/all/x", "for both", 1);
        Flows.expectPublish(exact, "p/all/x", "for both", 1);
        Flows.expectPublish(wildcard, "p/all/x", "for both", 1);
    }

    @Test
    void ordering_qos1StreamFromOnePublisher_deliveredInPublishOrder() {
        // [MQTT-4.6.0-5] [MQTT-4.6.0-6]
        RawMqttClient subscriber = broker.subscriber("p-order1-sub", "p/order1", 1);
        RawMqttClient publisher = broker.connected("p-order1-pub");
        for (int i = 1; i <= 20; i++) {
            publisher.send(Packets.publish("p/order1", 1, Retain.NO, Dup.NO, i, "m" + i));
        }
        for (int i = 1; i <= 20; i++) {
            publisher.expectPacket(Packets.puback(i));
        }
        for (int i = 1; i <= 20; i++) {
            Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "p/order1", "m" + i, 1));
        }
    }

    @Test
    void ordering_qos0AndQos2Streams_deliveredInPublishOrder() {
        // [MQTT-4.6.0-6]
        RawMqttClient subscriber = broker.subscriber("p-order-sub", "p/order/#", 2);
        RawMqttClient publisher = broker.connected("p-order-pub");
        for (int i = 1; i <= 10; i++) {
            publisher.send(Packets.publish("p/order/q0", "z" + i));
        }
        for (int i = 1; i <= 10; i++) {
            Flows.publishQos2(publisher, "p/order/q2", "t" + i, i);
        }
        for (int i = 1; i <= 10; i++) {
            Flows.expectPublish(subscriber, "p/order/q0", "z" + i, 0);
        }
        // Read every QoS 2 PUBLISH before answering any, so the PUBRELs do not interleave with them.
        List<ReceivedPublish> qos2 = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            qos2.add(Flows.expectPublish(subscriber, "p/order/q2", "t" + i, 2));
        }
        qos2.forEach(p -> Flows.acknowledge(subscriber, p));
    }

    @Test
    void payload_binaryAndLarge_deliveredByteForByte() {
        byte[] payload = new byte[100_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        RawMqttClient subscriber = broker.subscriber("p-big-sub", "p/big", 1);
        broker.connected("p-big-pub").send(Packets.publish("p/big", 1, Retain.NO, Dup.NO, 1, payload))
                .expectPacket(Packets.puback(1));
        ReceivedPublish p = subscriber.readPublish();
        assertThat(p.payload()).isEqualTo(payload);
        assertThat(p.topic()).isEqualTo("p/big");
    }

    @Test
    void pubrel_forUnknownPacketId_answeredWithPubcomp() {
        // [MQTT-4.3.3-2] a PUBREL is always answered, even when the id is no longer (or never was) pending
        broker.connected("p-pubrel-unknown").send("62 02 00 63").expectBytes("70 02 00 63");
    }

    @Test
    void puback_forUnknownPacketId_isIgnoredAndConnectionStays() {
        RawMqttClient client = broker.connected("p-puback-unknown");
        client.send(Packets.puback(0x4242));
        Flows.expectNoMorePublishes(client);
    }

    @Test
    void mqtt31Client_mqisdp_fullQos1RoundTrip() {
        RawMqttClient subscriber = broker.raw().send(Packets.connectBuilder("p-v31-sub").protocol("MQIsdp", 3).build())
                .expectPacket("20 02 00 00");
        BrokerExtension.subscribe(subscriber, "p/v31", 1);
        RawMqttClient publisher = broker.raw().send(Packets.connectBuilder("p-v31-pub").protocol("MQIsdp", 3).build())
                .expectPacket("20 02 00 00");
        Flows.publishQos1(publisher, "p/v31", "three-one", 1);
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "p/v31", "three-one", 1));
    }
}
