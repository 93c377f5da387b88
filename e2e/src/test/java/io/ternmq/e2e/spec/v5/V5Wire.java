package io.ternmq.e2e.spec.v5;

import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MQTT 5 packets for the raw-byte subscription tests, built field by field (sections 3.1, 3.3, 3.8, 3.10), and a
 * reader for the PUBLISH packets the broker sends (topic, flags, packet id, subscription identifiers).
 */
final class V5Wire {

    /** Subscription options byte (3.8.3.1): bit 2 No Local, bit 3 Retain As Published, bits 4-5 Retain Handling. */
    static final int NO_LOCAL = 0x04;
    static final int RETAIN_AS_PUBLISHED = 0x08;
    static final int RETAIN_HANDLING_IF_NEW = 0x10;
    static final int RETAIN_HANDLING_NEVER = 0x20;

    private V5Wire() {
    }

    /** CONNECT 5.0, Clean Start, keep-alive 60 s, no properties (session expiry 0: the session ends with it). */
    static byte[] connect(String clientId) {
        return Packets.packet(0x10, Packets.string("MQTT"), new byte[] {5, 0x02, 0, 60, 0}, Packets.string(clientId));
    }

    /** CONNECT 5.0 with a Session Expiry Interval property, Clean Start as given. */
    static byte[] connectPersistent(String clientId, int sessionExpirySeconds, boolean cleanStart) {
        byte[] properties = {0x11, (byte) (sessionExpirySeconds >>> 24), (byte) (sessionExpirySeconds >>> 16),
                (byte) (sessionExpirySeconds >>> 8), (byte) sessionExpirySeconds};
        return Packets.packet(0x10, Packets.string("MQTT"), new byte[] {5, (byte) (cleanStart ? 0x02 : 0), 0, 60,
                (byte) properties.length}, properties, Packets.string(clientId));
    }

    /** Reads a CONNACK and checks that it accepted the connection (reason code 0x00). */
    static byte[] expectConnackSuccess(RawMqttClient client) {
        byte[] connack = client.readPacket();
        if ((connack[0] & 0xFF) != 0x20 || connack[3] != 0) {
            throw new AssertionError("expected CONNACK 0x00 but got " + Hex.format(connack));
        }
        return connack;
    }

    /** A connected MQTT 5 raw client: CONNECT sent and a CONNACK with reason 0x00 read. */
    static RawMqttClient connected(RawMqttClient client, String clientId) {
        client.send(connect(clientId));
        expectConnackSuccess(client);
        return client;
    }

    /** One filter of a SUBSCRIBE with its options byte (QoS in bits 0-1). */
    record Filter(String filter, int options) {
    }

    /** SUBSCRIBE 5.0 with a subscription identifier property when {@code subscriptionId} is above 0. */
    static byte[] subscribe(int packetId, int subscriptionId, Filter... filters) {
        byte[] properties = subscriptionId > 0
                ? Hex.concat(new byte[] {0x0B}, variableByteInteger(subscriptionId))
                : new byte[0];
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (Filter f : filters) {
            payload.writeBytes(Packets.string(f.filter()));
            payload.write(f.options());
        }
        return Packets.packet(0x82, Packets.uint16(packetId), variableByteInteger(properties.length), properties,
                payload.toByteArray());
    }

    static byte[] subscribe(int packetId, String filter, int options) {
        return subscribe(packetId, 0, new Filter(filter, options));
    }

    static byte[] unsubscribe(int packetId, String... filters) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (String filter : filters) {
            payload.writeBytes(Packets.string(filter));
        }
        return Packets.packet(0xA2, Packets.uint16(packetId), new byte[] {0}, payload.toByteArray());
    }

    /** PUBLISH 5.0 without properties; {@code retain} sets bit 0 of the first byte. */
    static byte[] publish(String topic, int qos, int packetId, String payload, int retain) {
        byte[] id = qos > 0 ? Packets.uint16(packetId) : new byte[0];
        return Packets.packet(0x30 | qos << 1 | retain, Packets.string(topic), id, new byte[] {0},
                payload.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] puback(int packetId) {
        return Packets.packet(0x40, Packets.uint16(packetId));
    }

    static byte[] variableByteInteger(int value) {
        return Packets.remainingLength(value);
    }

    /** A PUBLISH from the broker, split by hand: first byte, topic, packet id, subscription ids, payload. */
    record Received(int firstByte, String topic, int packetId, List<Integer> subscriptionIds, String payload) {

        boolean retain() {
            return (firstByte & 0x01) != 0;
        }

        int qos() {
            return firstByte >>> 1 & 0x03;
        }

        static Received read(RawMqttClient client) {
            return parse(client.readPacket());
        }

        static Received parse(byte[] packet) {
            int firstByte = packet[0] & 0xFF;
            if (firstByte >>> 4 != 3) {
                throw new AssertionError("expected a PUBLISH but got " + Hex.format(packet));
            }
            int[] pos = {1};
            readVariableByteInteger(packet, pos);
            int topicLength = uint16(packet, pos[0]);
            String topic = new String(packet, pos[0] + 2, topicLength, StandardCharsets.UTF_8);
            pos[0] += 2 + topicLength;
            int packetId = 0;
            if ((firstByte >>> 1 & 0x03) > 0) {
                packetId = uint16(packet, pos[0]);
                pos[0] += 2;
            }
            int propertiesEnd = readVariableByteInteger(packet, pos);
            propertiesEnd += pos[0];
            List<Integer> ids = new ArrayList<>();
            while (pos[0] < propertiesEnd) {
                int id = packet[pos[0]++] & 0xFF;
                switch (id) {
                    case 0x0B -> ids.add(readVariableByteInteger(packet, pos));
                    case 0x01 -> pos[0] += 1;                      // payload format indicator
                    case 0x02 -> pos[0] += 4;                      // message expiry interval
                    case 0x23 -> pos[0] += 2;                      // topic alias
                    case 0x08, 0x03, 0x09 -> pos[0] += 2 + uint16(packet, pos[0]); // strings, binary
                    case 0x26 -> {                                 // user property: two strings
                        pos[0] += 2 + uint16(packet, pos[0]);
                        pos[0] += 2 + uint16(packet, pos[0]);
                    }
                    default -> throw new AssertionError("unexpected PUBLISH property " + id + " in "
                            + Hex.format(packet));
                }
            }
            String payload = new String(packet, propertiesEnd, packet.length - propertiesEnd, StandardCharsets.UTF_8);
            return new Received(firstByte, topic, packetId, ids, payload);
        }

        private static int readVariableByteInteger(byte[] packet, int[] pos) {
            int value = 0;
            int shift = 0;
            int b;
            do {
                b = packet[pos[0]++] & 0xFF;
                value |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }

        private static int uint16(byte[] packet, int at) {
            return (packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF;
        }
    }
}
