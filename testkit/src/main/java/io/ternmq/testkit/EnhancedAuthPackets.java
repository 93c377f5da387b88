package io.ternmq.testkit;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MQTT 5 packets of enhanced authentication (sections 3.1, 3.15, 4.12), written by hand from the specification:
 * a CONNECT naming an Authentication Method, AUTH in both directions, and a reader for the properties of what the
 * broker sends back.
 */
public final class EnhancedAuthPackets {

    /** Property identifiers (section 2.2.2.2). */
    public static final int AUTHENTICATION_METHOD = 0x15;
    public static final int AUTHENTICATION_DATA = 0x16;
    public static final int REASON_STRING = 0x1F;

    private EnhancedAuthPackets() {
    }

    /** CONNECT 5.0, clean start, keep-alive 60, no will, with the method and (unless null) the data. */
    public static byte[] connect(String clientId, @Nullable String method, byte @Nullable [] data) {
        return connect(clientId, method, data, null, null);
    }

    /** As {@link #connect(String, String, byte[])}, with a user name and password when not null. */
    public static byte[] connect(String clientId, @Nullable String method, byte @Nullable [] data,
                                 @Nullable String user, byte @Nullable [] password) {
        int flags = 0x02 | (user != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
        Properties properties = new Properties();
        if (method != null) {
            properties.string(AUTHENTICATION_METHOD, method);
        }
        if (data != null) {
            properties.binary(AUTHENTICATION_DATA, data);
        }
        return Packets.packet(0x10,
                Packets.string("MQTT"), new byte[] {5, (byte) flags}, Packets.uint16(60), properties.encode(),
                Packets.string(clientId),
                user == null ? new byte[0] : Packets.string(user),
                password == null ? new byte[0] : Packets.lengthPrefixed(password));
    }

    /** AUTH with a reason code and, when not null, the method and the data. */
    public static byte[] auth(int reasonCode, @Nullable String method, byte @Nullable [] data) {
        Properties properties = new Properties();
        if (method != null) {
            properties.string(AUTHENTICATION_METHOD, method);
        }
        if (data != null) {
            properties.binary(AUTHENTICATION_DATA, data);
        }
        return Packets.packet(0xF0, new byte[] {(byte) reasonCode}, properties.encode());
    }

    /** DISCONNECT 5.0 with reason code 0x00 and no properties, in its shortest form (remaining length 0). */
    public static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0};
    }

    /**
     * The properties of a received AUTH or CONNACK, by identifier, each value as its raw bytes (a string or binary
     * without its length prefix). Fails on a packet of another type or a property this reader does not know.
     */
    public static Map<Integer, byte[]> properties(byte[] packet) {
        int type = (packet[0] & 0xFF) >>> 4;
        int at = 1;
        while ((packet[at] & 0x80) != 0) {
            at++;
        }
        at++; // past the remaining length
        switch (type) {
            case 2 -> at += 2; // CONNACK: acknowledge flags, reason code
            case 15, 14 -> at += 1; // AUTH, DISCONNECT: reason code
            default -> throw new IllegalArgumentException("not a CONNACK, AUTH or DISCONNECT: " + Hex.format(packet));
        }
        Map<Integer, byte[]> found = new LinkedHashMap<>();
        if (at >= packet.length) {
            return found;
        }
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = packet[at++] & 0xFF;
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        int end = at + length;
        while (at < end) {
            int id = packet[at++] & 0xFF;
            int size = switch (id) {
                case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> 1;
                case 0x13, 0x21, 0x22, 0x23 -> 2;
                case 0x02, 0x11, 0x18, 0x27 -> 4;
                case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F -> -1; // length-prefixed
                default -> throw new IllegalArgumentException("property 0x" + Integer.toHexString(id)
                        + " unknown to this reader: " + Hex.format(packet));
            };
            if (size < 0) {
                size = ((packet[at] & 0xFF) << 8) | (packet[at + 1] & 0xFF);
                at += 2;
            }
            byte[] value = new byte[size];
            System.arraycopy(packet, at, value, 0, size);
            found.put(id, value);
            at += size;
        }
        return found;
    }

    /** The Authentication Data of a received AUTH or CONNACK; fails when it has none. */
    public static byte[] authenticationData(byte[] packet) {
        byte[] data = properties(packet).get(AUTHENTICATION_DATA);
        if (data == null) {
            throw new AssertionError("no Authentication Data in " + Hex.format(packet));
        }
        return data;
    }

    /** A property list (section 2.2.2): its variable byte integer length, then each property in order. */
    private static final class Properties {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void string(int id, String value) {
            bytes.write(id);
            bytes.writeBytes(Packets.string(value));
        }

        void binary(int id, byte[] value) {
            bytes.write(id);
            bytes.writeBytes(Packets.lengthPrefixed(value));
        }

        byte[] encode() {
            byte[] body = bytes.toByteArray();
            return Hex.concat(Packets.remainingLength(body.length), body);
        }
    }
}
