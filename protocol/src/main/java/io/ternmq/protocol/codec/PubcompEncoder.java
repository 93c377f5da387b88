package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Pubcomp;

/** PUBCOMP: a packet identifier and nothing else. */
final class PubcompEncoder {

    static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x70;

    private PubcompEncoder() {
    }

    static void encode(Pubcomp p, ByteBuf out) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
        out.writeShort(p.packetId());
    }
}
