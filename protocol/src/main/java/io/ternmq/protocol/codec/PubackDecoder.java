package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Puback;

/** PUBACK: a packet identifier and nothing else. */
final class PubackDecoder {

    private PubackDecoder() {
    }

    static Puback decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.PUBACK, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        return new Puback(FieldReader.readPacketId(in, end, PacketType.PUBACK)); // [MQTT-2.3.1-6]
    }
}
