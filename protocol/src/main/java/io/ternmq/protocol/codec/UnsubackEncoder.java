package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Unsuback;

/** UNSUBACK: a packet identifier and nothing else. */
final class UnsubackEncoder {

    static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0xB0;

    private UnsubackEncoder() {
    }

    static void encode(Unsuback p, ByteBuf out) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
        out.writeShort(p.packetId());
    }
}
