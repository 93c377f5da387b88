package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The fixed header (2.2): one byte of packet type and flags, then the remaining length as a variable byte
 * integer of one to four bytes, 7 bits each, least significant group first, high bit meaning "more follows".
 */
final class FixedHeader {

    /** The largest remaining length four bytes can carry (2.2.3). */
    static final int MAX_REMAINING_LENGTH = 268_435_455;

    private FixedHeader() {
    }

    /** The size of the whole packet whose body is {@code remainingLength} bytes. */
    static int packetSize(int remainingLength) {
        return 1 + lengthSize(remainingLength) + remainingLength;
    }

    static int lengthSize(int remainingLength) {
        if (remainingLength < 0 || remainingLength > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException(
                    "remaining length " + remainingLength + " exceeds the maximum " + MAX_REMAINING_LENGTH);
        }
        return remainingLength < 0x80 ? 1 : remainingLength < 0x4000 ? 2 : remainingLength < 0x20_0000 ? 3 : 4;
    }

    /** Writes the fixed header and makes room for the body, so the packet lands in one exactly sized write. */
    static void write(ByteBuf out, int firstByte, int remainingLength) {
        out.ensureWritable(packetSize(remainingLength));
        out.writeByte(firstByte);
        int value = remainingLength;
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out.writeByte(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }
}
