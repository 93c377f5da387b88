package io.ternmq.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the MQTT data types of section 1.5 off a received packet, failing with the whole packet in hex. */
final class WireReader {

    private final byte[] packet;
    private int pos;

    WireReader(byte[] packet) {
        this.packet = packet;
    }

    /** A reader positioned after the fixed header (first byte and remaining length). */
    static WireReader afterFixedHeader(byte[] packet) {
        WireReader reader = new WireReader(packet);
        reader.pos = 1;
        reader.varInt();
        return reader;
    }

    int u8() {
        need(1);
        return packet[pos++] & 0xFF;
    }

    int u16() {
        need(2);
        int value = (packet[pos] & 0xFF) << 8 | packet[pos + 1] & 0xFF;
        pos += 2;
        return value;
    }

    long u32() {
        return (long) u16() << 16 | u16();
    }

    int varInt() {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int digit = u8();
            value |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        throw new AssertionError("variable byte integer longer than 4 bytes in " + Hex.format(packet));
    }

    byte[] bytes(int count) {
        need(count);
        byte[] value = Arrays.copyOfRange(packet, pos, pos + count);
        pos += count;
        return value;
    }

    byte[] binary() {
        return bytes(u16());
    }

    String string() {
        return new String(binary(), StandardCharsets.UTF_8);
    }

    byte[] rest() {
        return bytes(packet.length - pos);
    }

    boolean hasMore() {
        return pos < packet.length;
    }

    int position() {
        return pos;
    }

    /** The bytes read since {@code start}, exactly as they were on the wire. */
    byte[] copyFrom(int start) {
        return Arrays.copyOfRange(packet, start, pos);
    }

    private void need(int count) {
        if (pos + count > packet.length) {
            throw new AssertionError("packet too short: need " + count + " bytes at offset " + pos + " of "
                    + Hex.format(packet));
        }
    }
}
