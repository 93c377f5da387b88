package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SUBSCRIBE/SUBACK, topic filter syntax and matching (sections 3.8, 3.9, 4.7). */
class SubscribeTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void subscribe_singleFilter_subackEchoesPacketIdAndGrantsQos() {
        // [MQTT-3.8.4-1] [MQTT-3.8.4-2] [MQTT-2.3.1-7] [MQTT-3.8.3-1]
        broker.connected("sub-one")
                .send("82 08 01 02 00 03 73 2f 31 02")   // SUBSCRIBE id 0x0102, "s/1" QoS 2
                .expectBytes("90 03 01 02 02");          // SUBACK id 0x0102, granted QoS 2
    }

    @Test
    void subscribe_threeFilters_oneSubackWithCodesInFilterOrder() {
        // [MQTT-3.8.4-4] [MQTT-3.8.4-5] [MQTT-3.9.3-1] [MQTT-3.9.3-2]
        RawMqttClient subscriber = broker.connected("sub-three");
        subscriber.send(Packets.subscribe(7, new Subscription("s3/two", 2), new Subscription("s3/zero", 0),
                new Subscription("s3/one", 1)));
        subscriber.expectBytes("90 05 00 07 02 00 01");
        RawMqttClient publisher = broker.connected("sub-three-pub");
        Flows.publishQos2(publisher, "s3/zero", "z", 1);
        Flows.publishQos2(publisher, "s3/one", "o", 2);
        Flows.publishQos2(publisher, "s3/two", "t", 3);
        Flows.expectPublish(subscriber, "s3/zero", "z", 0);
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "s3/one", "o", 1));
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "s3/two", "t", 2));
    }

    @Test
    void subscribe_wildcardFilters_areSupportedAndMatch() {
        // [MQTT-3.8.3-2] [MQTT-4.7.1-2] [MQTT-4.7.1-3]
        RawMqttClient subscriber = broker.connected("sub-wild");
        subscriber.send(Packets.subscribe(1, new Subscription("sw/+/c", 0), new Subscription("sw/x/#", 0)));
        subscriber.expectBytes("90 04 00 01 00 00");
        RawMqttClient publisher = broker.connected("sub-wild-pub");
        publisher.send(Packets.publish("sw/b/c", "plus"));
        Flows.expectPublish(subscriber, "sw/b/c", "plus", 0);
        publisher.send(Packets.publish("sw/x", "parent level"));   // '#' also matches the parent level
        Flows.expectPublish(subscriber, "sw/x", "parent level", 0);
        publisher.send(Packets.publish("sw/x/y/z", "deep"));
        Flows.expectPublish(subscriber, "sw/x/y/z", "deep", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "+/+", "/+", "+/", "sv/+/+/#"})
    void subscribe_wildcardsFillingWholeLevels_areAccepted(String filter) {
        // [MQTT-4.7.1-2] [MQTT-4.7.1-3]
        broker.connected("sub-valid").send(Packets.subscribe(3, filter, 1)).expectPacket(Packets.suback(3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/#/b", "a#", "#/", "a/b#"})
    void subscribe_hashNotLastOrNotAlone_closesConnection(String filter) {
        // [MQTT-4.7.1-2] [MQTT-4.8.0-1]
        broker.connected("sub-bad-hash").send(Packets.subscribe(1, filter, 0)).expectClosed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "+a/b", "a/b+", "a/+b/c"})
    void subscribe_plusNotFillingLevel_closesConnection(String filter) {
        // [MQTT-4.7.1-3] [MQTT-4.8.0-1]
        broker.connected("sub-bad-plus").send(Packets.subscribe(1, filter, 0)).expectClosed();
    }

    @Test
    void subscribe_emptyFilter_closesConnection() {
        // [MQTT-4.7.3-1]
        broker.connected("sub-empty-filter").send("82 05 00 01 00 00 00").expectClosed();
    }

    @Test
    void subscribe_filterWithNullCharacter_closesConnection() {
        // [MQTT-4.7.3-2] [MQTT-1.5.3-2]
        broker.connected("sub-null").send("82 08 00 01 00 03 61 00 62 00").expectClosed();
    }

    @Test
    void subscribe_filterIllFormedUtf8_closesConnection() {
        // [MQTT-3.8.3-1] [MQTT-1.5.3-1]
        broker.connected("sub-utf").send("82 07 00 01 00 02 c0 af 00").expectClosed();
    }

    @Test
    void subscribe_noFilters_closesConnection() {
        // [MQTT-3.8.3-3]
        broker.connected("sub-nofilter").send("82 02 00 01").expectClosed();
    }

    @Test
    void subscribe_requestedQos3_closesConnection() {
        // [MQTT-3.8.3-4]
        broker.connected("sub-qos3").send(Packets.subscribe(1, "s/q3", 3)).expectClosed();
    }

    @Test
    void subscribe_reservedBitsInQosByte_closesConnection() {
        // [MQTT-3.8.3-4]
        broker.connected("sub-resbits").send(Packets.subscribe(1, "s/res", 0x04)).expectClosed();
    }

    @Test
    void subscribe_packetId0_closesConnection() {
        // [MQTT-2.3.1-1]
        broker.connected("sub-id0").send(Packets.subscribe(0, "s/id0", 0)).expectClosed();
    }

    @Test
    void subscribe_fixedHeaderFlags0000_closesConnection() {
        // [MQTT-3.8.1-1] [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        byte[] subscribe = Packets.subscribe(1, "s/flags", 0);
        subscribe[0] = (byte) 0x80;
        broker.connected("sub-flags").send(subscribe).expectClosed();
    }

    @Test
    void overlappingSubscriptions_messageDeliveredOnceAtHighestQos() {
        // [MQTT-3.3.5-1]
        RawMqttClient subscriber = broker.connected("sub-overlap");
        subscriber.send(Packets.subscribe(1, new Subscription("ov/#", 0), new Subscription("ov/+", 2)))
                .expectBytes("90 04 00 01 00 02");
        RawMqttClient publisher = broker.connected("sub-overlap-pub");
        Flows.publishQos2(publisher, "ov/a", "once", 1);
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "ov/a", "once", 2));
        Flows.expectMarkerNext(subscriber, publisher, "ov/a");
    }

    @Test
    void matching_isExactWithoutNormalization() {
        // [MQTT-4.7.3-4]
        RawMqttClient subscriber = broker.connected("sub-exact");
        subscriber.send(Packets.subscribe(1, new Subscription("Ex/Case", 0), new Subscription("ex/space ", 0),
                new Subscription("ex//gap", 0))).expectBytes("90 05 00 01 00 00 00");
        RawMqttClient publisher = broker.connected("sub-exact-pub");
        for (String near : new String[] {"ex/case", "EX/CASE", "ex/space", "ex/gap", "ex/space /"}) {
            publisher.send(Packets.publish(near, "near miss"));
        }
        publisher.send(Packets.publish("ex//gap", "exact"));
        ReceivedPublish p = subscriber.readPublish();
        assertThat(p.topic()).as("first delivery %s", p).isEqualTo("ex//gap");
        Flows.expectMarkerNext(subscriber, publisher, "Ex/Case");
    }

    @Test
    void subscribe_multiByteRemainingLength_isHandled() {
        // [MQTT-3.8.4-4] 40 filters make a SUBSCRIBE longer than 127 bytes
        Subscription[] many = new Subscription[40];
        int[] granted = new int[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Subscription("many/" + i, i % 3);
            granted[i] = i % 3;
        }
        byte[] subscribe = Packets.subscribe(9, many);
        assertThat(Hex.format(subscribe)).startsWith("82 ");
        broker.connected("sub-many").send(subscribe).expectPacket(Packets.suback(9, granted));
    }
}
