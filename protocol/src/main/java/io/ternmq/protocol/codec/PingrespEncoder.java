package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/** PINGRESP: the two bytes of the fixed header and nothing else. */
final class PingrespEncoder {

    static final int REMAINING_LENGTH = 0;
    private static final int FIRST_BYTE = 0xD0;

    private PingrespEncoder() {
    }

    static void encode(ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
    }
}
