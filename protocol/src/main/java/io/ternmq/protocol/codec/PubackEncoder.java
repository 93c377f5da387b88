package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Puback;

/** PUBACK: a packet identifier and nothing else. */
final class PubackEncoder {

    static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x40;

    private PubackEncoder() {
    }

    static void encode(Puback p, ByteBuf out) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
        out.writeShort(p.packetId());
    }
}
