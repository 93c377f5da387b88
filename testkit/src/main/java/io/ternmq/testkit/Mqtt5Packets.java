package io.ternmq.testkit;

import java.io.ByteArrayOutputStream;

/**
 * MQTT 5.0 packets as bytes, built by hand from chapter 3 of the 5.0 specification, independently of the project's
 * codec. Like {@link Packets}, nothing is validated, so tests can send malformed packets. Every method that takes a
 * {@link Mqtt5Properties} writes its length-prefixed block; pass {@link Mqtt5Properties#properties()} for none.
 * Packets without a 5.0 body (PINGREQ, PINGRESP) are in {@link Packets}.
 */
public final class Mqtt5Packets {

    private Mqtt5Packets() {
    }

    /** A 5.0 CONNECT with every field and flag under the test's control. */
    public static Mqtt5ConnectBuilder connect(String clientId) {
        return new Mqtt5ConnectBuilder(Packets.utf8(clientId));
    }

    /** A 5.0 CONNECT builder whose client identifier is raw bytes, e.g. ill-formed UTF-8. */
    public static Mqtt5ConnectBuilder connectRawId(byte[] clientId) {
        return new Mqtt5ConnectBuilder(clientId);
    }

    /** The CONNACK a broker sends: flags byte, reason code, properties (section 3.2). */
    public static byte[] connack(SessionPresent sessionPresent, int reasonCode, Mqtt5Properties properties) {
        return Packets.packet(0x20, new byte[] {(byte) sessionPresent.bit(), (byte) reasonCode}, properties.build());
    }

    public static byte[] publish(String topic, int qos, Retain retain, Dup dup, int packetId,
                                 Mqtt5Properties properties, byte[] payload) {
        return publishRawTopic(Packets.utf8(topic), qos, retain, dup, packetId, properties.build(), payload);
    }

    public static byte[] publish(String topic, int qos, Retain retain, Dup dup, int packetId,
                                 Mqtt5Properties properties, String payload) {
        return publish(topic, qos, retain, dup, packetId, properties, Packets.utf8(payload));
    }

    /** A QoS 0 PUBLISH without RETAIN, DUP or properties. */
    public static byte[] publish(String topic, String payload) {
        return publish(topic, 0, Retain.NO, Dup.NO, 0, Mqtt5Properties.properties(), payload);
    }

    /**
     * A PUBLISH whose topic name and property block are given as raw bytes (the block with its length prefix); the
     * packet id is present iff qos > 0.
     */
    public static byte[] publishRawTopic(byte[] topic, int qos, Retain retain, Dup dup, int packetId,
                                         byte[] encodedProperties, byte[] payload) {
        int firstByte = 0x30 | dup.bit() | (qos & 0x03) << 1 | retain.bit();
        byte[] id = qos > 0 ? Packets.uint16(packetId) : new byte[0];
        return Packets.packet(firstByte, Packets.lengthPrefixed(topic), id, encodedProperties, payload);
    }

    public static byte[] subscribe(int packetId, Mqtt5Properties properties, Mqtt5Subscription... subscriptions) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (Mqtt5Subscription s : subscriptions) {
            payload.writeBytes(Packets.string(s.filter()));
            payload.write(s.options());
        }
        return Packets.packet(0x82, Packets.uint16(packetId), properties.build(), payload.toByteArray());
    }

    /** A SUBSCRIBE of one filter with plain options (the QoS only) and no properties. */
    public static byte[] subscribe(int packetId, String filter, int qos) {
        return subscribe(packetId, Mqtt5Properties.properties(), Mqtt5Subscription.of(filter, qos));
    }

    public static byte[] suback(int packetId, Mqtt5Properties properties, int... reasonCodes) {
        return Packets.packet(0x90, Packets.uint16(packetId), properties.build(), bytes(reasonCodes));
    }

    public static byte[] unsubscribe(int packetId, Mqtt5Properties properties, String... filters) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (String filter : filters) {
            payload.writeBytes(Packets.string(filter));
        }
        return Packets.packet(0xA2, Packets.uint16(packetId), properties.build(), payload.toByteArray());
    }

    public static byte[] unsubscribe(int packetId, String... filters) {
        return unsubscribe(packetId, Mqtt5Properties.properties(), filters);
    }

    public static byte[] unsuback(int packetId, Mqtt5Properties properties, int... reasonCodes) {
        return Packets.packet(0xB0, Packets.uint16(packetId), properties.build(), bytes(reasonCodes));
    }

    /** PUBACK with a reason code and properties; {@link Packets#puback(int)} is the short success form. */
    public static byte[] puback(int packetId, int reasonCode, Mqtt5Properties properties) {
        return ack(0x40, packetId, reasonCode, properties);
    }

    /** PUBACK without properties: packet id and reason code (remaining length 3). */
    public static byte[] puback(int packetId, int reasonCode) {
        return ackWithoutProperties(0x40, packetId, reasonCode);
    }

    public static byte[] pubrec(int packetId, int reasonCode, Mqtt5Properties properties) {
        return ack(0x50, packetId, reasonCode, properties);
    }

    public static byte[] pubrec(int packetId, int reasonCode) {
        return ackWithoutProperties(0x50, packetId, reasonCode);
    }

    /** PUBREL carries the fixed-header flags 0010 [MQTT-3.6.1-1]. */
    public static byte[] pubrel(int packetId, int reasonCode, Mqtt5Properties properties) {
        return ack(0x62, packetId, reasonCode, properties);
    }

    public static byte[] pubrel(int packetId, int reasonCode) {
        return ackWithoutProperties(0x62, packetId, reasonCode);
    }

    public static byte[] pubcomp(int packetId, int reasonCode, Mqtt5Properties properties) {
        return ack(0x70, packetId, reasonCode, properties);
    }

    public static byte[] pubcomp(int packetId, int reasonCode) {
        return ackWithoutProperties(0x70, packetId, reasonCode);
    }

    /** DISCONNECT with a reason code and properties (section 3.14). */
    public static byte[] disconnect(int reasonCode, Mqtt5Properties properties) {
        return Packets.packet(0xE0, new byte[] {(byte) reasonCode}, properties.build());
    }

    /** DISCONNECT with only a reason code (remaining length 1: no property length). */
    public static byte[] disconnect(int reasonCode) {
        return Packets.packet(0xE0, new byte[] {(byte) reasonCode});
    }

    /** DISCONNECT with remaining length 0: reason 0x00 Normal disconnection, no properties. */
    public static byte[] disconnect() {
        return Packets.packet(0xE0);
    }

    /** AUTH with a reason code and properties (section 3.15): 0x00 success, 0x18 continue, 0x19 re-authenticate. */
    public static byte[] auth(int reasonCode, Mqtt5Properties properties) {
        return Packets.packet(0xF0, new byte[] {(byte) reasonCode}, properties.build());
    }

    /** AUTH with remaining length 0: reason 0x00 Success, no properties. */
    public static byte[] auth() {
        return Packets.packet(0xF0);
    }

    private static byte[] ack(int firstByte, int packetId, int reasonCode, Mqtt5Properties properties) {
        return Packets.packet(firstByte, Packets.uint16(packetId), new byte[] {(byte) reasonCode}, properties.build());
    }

    private static byte[] ackWithoutProperties(int firstByte, int packetId, int reasonCode) {
        return Packets.packet(firstByte, Packets.uint16(packetId), new byte[] {(byte) reasonCode});
    }

    private static byte[] bytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
