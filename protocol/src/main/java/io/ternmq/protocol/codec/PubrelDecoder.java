package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Pubrel;

/** PUBREL (3.6): flags 0010, then a packet identifier. */
final class PubrelDecoder {

    private static final int FLAGS = 0b0010;

    private PubrelDecoder() {
    }

    static Pubrel decode(int flags, ByteBuf in, int end) {
        if (flags != FLAGS) {
            throw Malformed.flags(PacketType.PUBREL, flags, FLAGS); // [MQTT-3.6.1-1] [MQTT-2.2.2-2]
        }
        return new Pubrel(FieldReader.readPacketId(in, end, PacketType.PUBREL)); // [MQTT-2.3.1-6]
    }
}
