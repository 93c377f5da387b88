package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/** DISCONNECT: the two bytes of the fixed header and nothing else. */
final class DisconnectEncoder {

    static final int REMAINING_LENGTH = 0;
    private static final int FIRST_BYTE = 0xE0;

    private DisconnectEncoder() {
    }

    static void encode(ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
    }
}
