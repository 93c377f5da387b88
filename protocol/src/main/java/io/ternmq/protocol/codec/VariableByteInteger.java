package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * Variable byte integers inside a packet body (1.5.5): 7 bits per byte, least significant group first, high bit
 * meaning "more follows", at most four bytes, so at most 268,435,455.
 */
final class VariableByteInteger {

    static final int MAX_VALUE = 268_435_455;

    private VariableByteInteger() {
    }

    static int read(ByteBuf in, int end, String field) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = FieldReader.readUnsignedByte(in, end, field);
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0) {
                if (digit == 0 && i > 0) {
                    throw Malformed.packet(field + " is not in its shortest encoding"); // [MQTT-1.5.5-1]
                }
                return value;
            }
        }
        throw Malformed.packet(field + " takes more than 4 bytes"); // 1.5.5: at most four bytes
    }

    /** The number of bytes the shortest encoding takes [MQTT-1.5.5-1]. */
    static int size(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("variable byte integer " + value + " is out of range");
        }
        return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x20_0000 ? 3 : 4;
    }

    /** Writes the shortest encoding [MQTT-1.5.5-1]. */
    static void write(ByteBuf out, int value) {
        int rest = value;
        do {
            int digit = rest & 0x7F;
            rest >>>= 7;
            out.writeByte(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
    }
}
