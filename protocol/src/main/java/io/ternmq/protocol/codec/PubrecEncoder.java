package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Pubrec;

/** PUBREC: a packet identifier and nothing else. */
final class PubrecEncoder {

    private static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x50;

    private PubrecEncoder() {
    }

    static int remainingLength(Pubrec p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        return REMAINING_LENGTH;
    }

    static void encode(Pubrec p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
    }
}
