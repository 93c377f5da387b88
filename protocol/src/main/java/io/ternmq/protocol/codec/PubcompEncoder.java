package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Pubcomp;

/** PUBCOMP: a packet identifier and nothing else. */
final class PubcompEncoder {

    private static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x70;

    private PubcompEncoder() {
    }

    static int remainingLength(Pubcomp p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        return REMAINING_LENGTH;
    }

    static void encode(Pubcomp p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
    }
}
