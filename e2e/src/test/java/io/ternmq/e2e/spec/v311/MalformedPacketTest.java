package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;

/** Malformed packets and protocol violations after CONNECT: the broker closes the connection (sections 2, 4.8). */
class MalformedPacketTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static void sendAfterConnectExpectClose(String clientId, byte[] packet) {
        broker.connected(clientId).send(packet).expectClosed();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "41 02 00 01",        // PUBACK with flags 0001
            "58 02 00 01",        // PUBREC with flags 1000
            "74 02 00 01",        // PUBCOMP with flags 0100
            "c1 00",              // PINGREQ with flags 0001
            "c8 00"})             // PINGREQ with flags 1000
    void fixedHeader_reservedFlagsSet_closesConnection(String packet) {
        // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        sendAfterConnectExpectClose("m-flags", Hex.parse(packet));
    }

    @Test
    void pubrel_flags0000_closesConnection() {
        // [MQTT-3.6.1-1] [MQTT-2.2.2-2]
        var client = broker.connected("m-pubrel");
        client.send(Packets.publish("m/pubrel", 2, Retain.NO, Dup.NO, 1, "x")).expectPacket(Packets.pubrec(1));
        client.send("60 02 00 01").expectClosed();
    }

    @Test
    void publish_qos3_closesConnection() {
        // [MQTT-3.3.1-4]
        sendAfterConnectExpectClose("m-qos3", Packets.publish("m/q3", 3, Retain.NO, Dup.NO, 1, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"m/+", "m/#", "+", "#", "m/a+b"})
    void publish_wildcardInTopicName_closesConnection(String topic) {
        // [MQTT-3.3.2-2] [MQTT-4.7.1-1]
        sendAfterConnectExpectClose("m-wild", Packets.publish(topic, "x"));
    }

    @Test
    void publish_emptyTopicName_closesConnection() {
        // [MQTT-4.7.3-1]
        sendAfterConnectExpectClose("m-empty", Hex.parse("30 03 00 00 78"));
    }

    @Test
    void publish_nullCharacterInTopic_closesConnection() {
        // [MQTT-4.7.3-2] [MQTT-1.5.3-2]
        sendAfterConnectExpectClose("m-null", Hex.parse("30 05 00 03 61 00 62"));
    }

    @Test
    void publish_overlongUtf8InTopic_closesConnection() {
        // [MQTT-1.5.3-1] [MQTT-3.3.2-1] C0 AF is an overlong encoding of '/'
        sendAfterConnectExpectClose("m-overlong", Hex.parse("30 05 00 02 c0 af 78"));
    }

    @Test
    void publish_surrogateInTopic_closesConnection() {
        // [MQTT-1.5.3-1] ED A0 80 encodes the surrogate U+D800
        sendAfterConnectExpectClose("m-surrogate", Hex.parse("30 06 00 03 ed a0 80 78"));
    }

    @Test
    void publish_qos1WithPacketId0_closesConnection() {
        // [MQTT-2.3.1-1]
        sendAfterConnectExpectClose("m-id0", Packets.publish("m/id0", 1, Retain.NO, Dup.NO, 0, "x"));
    }

    @Test
    void publish_remainingLengthOfFiveBytes_closesConnection() {
        // [MQTT-4.8.0-1] a variable byte integer has at most four bytes
        sendAfterConnectExpectClose("m-varint", Hex.parse("30 ff ff ff ff 01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00 00", "f0 00", "20 02 00 00", "90 03 00 01 00", "b0 02 00 01", "d0 00"})
    void packetTypeNotAllowedFromClient_closesConnection(String packet) {
        // [MQTT-4.8.0-1] reserved types and server-to-client packets are protocol violations
        sendAfterConnectExpectClose("m-type", Hex.parse(packet));
    }

    @Test
    void protocolViolation_isCounted() {
        long before = broker.stats().protocolViolations();
        sendAfterConnectExpectClose("m-count", Hex.parse("c1 00"));
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().protocolViolations() > before);
    }
}
