package io.ternmq.protocol.codec;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ReasonCode;

/** Builds the decode exceptions, with the MQTT 5 reason code each kind of failure maps to. */
final class Malformed {

    private Malformed() {
    }

    /** Input that breaks the packet format: MQTT 5 would answer Malformed Packet (0x81). */
    static MalformedPacketException packet(String message) {
        return new MalformedPacketException(ReasonCode.MALFORMED_PACKET, message);
    }

    /** Well-formed input that breaks a protocol rule where MQTT 5 would answer Protocol Error (0x82). */
    static MalformedPacketException protocol(String message) {
        return new MalformedPacketException(ReasonCode.PROTOCOL_ERROR, message);
    }

    /** Fixed header flags that differ from the only value the packet type allows. */
    static MalformedPacketException flags(PacketType type, int actual, int expected) {
        return packet(type + " fixed header flags must be " + bits(expected) + ", got " + bits(actual));
    }

    /** Client text quoted in a message, cut short: it may be 65535 bytes long. */
    static String shorten(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "..." : text;
    }

    private static String bits(int flags) {
        String binary = Integer.toBinaryString(flags | 0x10);
        return binary.substring(binary.length() - 4);
    }
}
