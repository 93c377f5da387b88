package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/** PINGREQ: the two bytes of the fixed header and nothing else. */
final class PingreqEncoder {

    static final int REMAINING_LENGTH = 0;
    private static final int FIRST_BYTE = 0xC0;

    private PingreqEncoder() {
    }

    static void encode(ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
    }
}
