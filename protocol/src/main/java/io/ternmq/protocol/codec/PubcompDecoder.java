package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Pubcomp;

/** PUBCOMP: a packet identifier and nothing else. */
final class PubcompDecoder {

    private PubcompDecoder() {
    }

    static Pubcomp decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.PUBCOMP, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        return new Pubcomp(FieldReader.readPacketId(in, end, PacketType.PUBCOMP)); // [MQTT-2.3.1-6]
    }
}
