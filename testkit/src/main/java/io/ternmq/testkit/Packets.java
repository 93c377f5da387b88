package io.ternmq.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 packets as bytes, built by hand from the specification (sections 2 and 3), independently of the
 * project's codec so that tests can compare the broker against a second implementation. Values are not validated:
 * tests use these builders to send malformed packets too (QoS 3, packet id 0, reserved bits set).
 */
public final class Packets {

    private Packets() {
    }

    public static byte[] connect(String clientId, CleanSession cleanSession, int keepAliveSeconds) {
        return connectBuilder(clientId).cleanSession(cleanSession).keepAlive(keepAliveSeconds).build();
    }

    public static byte[] connectWithWill(String clientId, CleanSession cleanSession, int keepAliveSeconds,
                                         String willTopic, byte[] willMessage, int willQos, Retain willRetain) {
        return connectBuilder(clientId).cleanSession(cleanSession).keepAlive(keepAliveSeconds)
                .will(willTopic, willMessage, willQos, willRetain).build();
    }

    /** A CONNECT with every field and flag under the test's control. */
    public static ConnectBuilder connectBuilder(String clientId) {
        return new ConnectBuilder(utf8(clientId));
    }

    /** A CONNECT builder whose client identifier is raw bytes, e.g. ill-formed UTF-8. */
    public static ConnectBuilder connectBuilderRawId(byte[] clientId) {
        return new ConnectBuilder(clientId);
    }

    public static byte[] publish(String topic, int qos, Retain retain, Dup dup, int packetId, byte[] payload) {
        return publishRawTopic(utf8(topic), qos, retain, dup, packetId, payload);
    }

    public static byte[] publish(String topic, int qos, Retain retain, Dup dup, int packetId, String payload) {
        return publish(topic, qos, retain, dup, packetId, utf8(payload));
    }

    /** A QoS 0 PUBLISH without RETAIN or DUP. */
    public static byte[] publish(String topic, String payload) {
        return publish(topic, 0, Retain.NO, Dup.NO, 0, payload);
    }

    /**
     * A PUBLISH whose topic name is given as raw bytes, e.g. ill-formed UTF-8; the packet id is present iff
     * qos > 0.
     */
    public static byte[] publishRawTopic(byte[] topic, int qos, Retain retain, Dup dup, int packetId,
                                         byte[] payload) {
        int firstByte = 0x30 | dup.bit() | (qos & 0x03) << 1 | retain.bit();
        byte[] id = qos > 0 ? uint16(packetId) : new byte[0];
        return packet(firstByte, lengthPrefixed(topic), id, payload);
    }

    public static byte[] subscribe(int packetId, String filter, int qos) {
        return subscribe(packetId, new Subscription(filter, qos));
    }

    public static byte[] subscribe(int packetId, Subscription... subscriptions) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (Subscription s : subscriptions) {
            payload.writeBytes(string(s.filter()));
            payload.write(s.qos());
        }
        return packet(0x82, uint16(packetId), payload.toByteArray());
    }

    public static byte[] unsubscribe(int packetId, String... filters) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (String filter : filters) {
            payload.writeBytes(string(filter));
        }
        return packet(0xA2, uint16(packetId), payload.toByteArray());
    }

    public static byte[] puback(int packetId) {
        return packet(0x40, uint16(packetId));
    }

    public static byte[] pubrec(int packetId) {
        return packet(0x50, uint16(packetId));
    }

    /** PUBREL carries the fixed-header flags 0010 [MQTT-3.6.1-1]. */
    public static byte[] pubrel(int packetId) {
        return packet(0x62, uint16(packetId));
    }

    public static byte[] pubcomp(int packetId) {
        return packet(0x70, uint16(packetId));
    }

    public static byte[] pingreq() {
        return packet(0xC0);
    }

    public static byte[] pingresp() {
        return packet(0xD0);
    }

    public static byte[] disconnect() {
        return packet(0xE0);
    }

    public static byte[] connack(SessionPresent sessionPresent, int returnCode) {
        return packet(0x20, new byte[] {(byte) sessionPresent.bit(), (byte) returnCode});
    }

    public static byte[] suback(int packetId, int... returnCodes) {
        byte[] codes = new byte[returnCodes.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) returnCodes[i];
        }
        return packet(0x90, uint16(packetId), codes);
    }

    public static byte[] unsuback(int packetId) {
        return packet(0xB0, uint16(packetId));
    }

    /** A whole packet: the given first byte, the remaining length of the parts, then the parts. */
    public static byte[] packet(int firstByte, byte[]... parts) {
        byte[] body = Hex.concat(parts);
        return Hex.concat(new byte[] {(byte) firstByte}, remainingLength(body.length), body);
    }

    /** The variable byte integer of section 2.2.3: seven bits per byte, low bits first, bit 7 = more follows. */
    public static byte[] remainingLength(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        int rest = length;
        do {
            int digit = rest % 128;
            rest /= 128;
            out.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        return out.toByteArray();
    }

    /** A UTF-8 encoded string: two-byte big-endian length, then the bytes (section 1.5.3). */
    public static byte[] string(String value) {
        return lengthPrefixed(utf8(value));
    }

    public static byte[] lengthPrefixed(byte[] bytes) {
        return Hex.concat(uint16(bytes.length), bytes);
    }

    public static byte[] uint16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
