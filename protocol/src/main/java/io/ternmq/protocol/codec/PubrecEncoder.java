package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Pubrec;

/** PUBREC: a packet identifier and nothing else. */
final class PubrecEncoder {

    static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x50;

    private PubrecEncoder() {
    }

    static void encode(Pubrec p, ByteBuf out) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
        out.writeShort(p.packetId());
    }
}
