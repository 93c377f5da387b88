package io.ternmq.protocol.codec.v5;

import java.util.HexFormat;

/**
 * Builds small packets for malformed-input tests from hex parts, computing the lengths that are not the point
 * of the test: the remaining length (one byte) and property lengths (one byte).
 */
final class Frames {

    private Frames() {
    }

    /** A whole packet: first byte, one-byte remaining length, then the parts. */
    static byte[] packet(int firstByte, String... parts) {
        byte[] body = V5.bytes(String.join(" ", parts));
        if (body.length > 127) {
            throw new IllegalArgumentException("test packet body too long for a one-byte remaining length");
        }
        byte[] packet = new byte[body.length + 2];
        packet[0] = (byte) firstByte;
        packet[1] = (byte) body.length;
        System.arraycopy(body, 0, packet, 2, body.length);
        return packet;
    }

    /** A property length (one byte) followed by the properties. */
    static String properties(String hex) {
        int length = V5.bytes(hex).length;
        if (length > 127) {
            throw new IllegalArgumentException("test properties too long for a one-byte property length");
        }
        return HexFormat.of().toHexDigits((byte) length) + " " + hex;
    }

    /** A level-5 CONNECT with clean start, keep alive 60, these properties and client id "c1". */
    static byte[] connect(String propertiesHex) {
        return packet(0x10, "00 04 4D 51 54 54 05 02 00 3C", properties(propertiesHex), "00 02 63 31");
    }

    /** A level-5 CONNECT with a QoS 0 will on topic "w" with an empty payload, and these will properties. */
    static byte[] connectWithWill(String willPropertiesHex) {
        return packet(0x10, "00 04 4D 51 54 54 05 06 00 3C 00 00 02 63 31", properties(willPropertiesHex),
                "00 01 77 00 00");
    }

    /** A QoS 1 PUBLISH to "a/b", packet id 1, with these properties and payload 01. */
    static byte[] publish(String propertiesHex) {
        return packet(0x32, "00 03 61 2F 62 00 01", properties(propertiesHex), "01");
    }
}
