package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Unsuback;

/** UNSUBACK: a packet identifier and nothing else. */
final class UnsubackEncoder {

    private static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0xB0;

    private UnsubackEncoder() {
    }

    static int remainingLength(Unsuback p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        return REMAINING_LENGTH;
    }

    static void encode(Unsuback p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
    }
}
