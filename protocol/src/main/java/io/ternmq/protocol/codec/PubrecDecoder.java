package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Pubrec;

/** PUBREC: a packet identifier and nothing else. */
final class PubrecDecoder {

    private PubrecDecoder() {
    }

    static Pubrec decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.PUBREC, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        return new Pubrec(FieldReader.readPacketId(in, end, PacketType.PUBREC)); // [MQTT-2.3.1-6]
    }
}
