package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT 5 packets as raw bytes for the spec tests: fixed header, the fields in order, properties given as hex
 * without their length (which is computed), so each test spells out the properties it is about.
 */
final class RawV5 {

    private RawV5() {
    }

    /** CONNECT 5.0 (protocol level 5), Clean Start 1, keep-alive 60 s, these properties, no will, no credentials. */
    static byte[] connect(String clientId, String properties) {
        return connect(clientId, 0x02, properties);
    }

    /** The same with Clean Start 0: an existing session is resumed. */
    static byte[] connectResuming(String clientId, String properties) {
        return connect(clientId, 0x00, properties);
    }

    private static byte[] connect(String clientId, int flags, String properties) {
        return Packets.packet(0x10,
                Packets.string("MQTT"), new byte[] {5, (byte) flags, 0, 60},
                properties(properties),
                Packets.string(clientId));
    }

    /** A raw client connected with {@link #connect}; returns it once its CONNACK (reason code 0) is read. */
    static Connected connected(BrokerExtension broker, String clientId, String properties) {
        return connected(broker, connect(clientId, properties));
    }

    /** A raw client that sent this CONNECT; returns it once its CONNACK (reason code 0) is read. */
    static Connected connected(BrokerExtension broker, byte[] connect) {
        RawMqttClient client = broker.raw().send(connect);
        byte[] connack = client.readPacket();
        assertThat(Hex.format(connack)).as("CONNACK").startsWith("20");
        assertThat(connack[3]).as("CONNACK reason code").isZero();
        return new Connected(client, Hex.format(connack));
    }

    /** A client and the CONNACK it got, in hex. */
    record Connected(RawMqttClient client, String connack) {
    }

    /** PUBLISH 5.0: topic, packet id when QoS > 0, properties, payload. */
    static byte[] publish(String topic, int qos, int packetId, String properties, String payload) {
        return publish(0x30 | qos << 1, topic, packetId, properties, payload);
    }

    /** The same with the DUP flag: a re-delivery. */
    static byte[] publishDup(String topic, int qos, int packetId, String properties, String payload) {
        return publish(0x38 | qos << 1, topic, packetId, properties, payload);
    }

    private static byte[] publish(int firstByte, String topic, int packetId, String properties, String payload) {
        byte[] id = (firstByte & 0x06) == 0 ? new byte[0] : Packets.uint16(packetId);
        return Packets.packet(firstByte, Packets.string(topic), id, properties(properties),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** SUBSCRIBE 5.0 of one filter at {@code qos}, no properties, no other option. */
    static byte[] subscribe(int packetId, String filter, int qos) {
        return Packets.packet(0x82, Packets.uint16(packetId), new byte[] {0}, Packets.string(filter),
                new byte[] {(byte) qos});
    }

    /** Subscribes and checks the SUBACK: packet id, no properties, the granted QoS. */
    static void subscribed(RawMqttClient client, String filter, int qos) {
        client.send(subscribe(1, filter, qos)).expectPacket(Packets.packet(0x90, Packets.uint16(1), new byte[] {0},
                new byte[] {(byte) qos}));
    }

    private static byte[] properties(String hex) {
        byte[] properties = Hex.parse(hex);
        return Hex.concat(Packets.remainingLength(properties.length), properties);
    }
}
