package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Unsuback;

/** UNSUBACK: a packet identifier and nothing else. */
final class UnsubackDecoder {

    private UnsubackDecoder() {
    }

    static Unsuback decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.UNSUBACK, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        return new Unsuback(FieldReader.readPacketId(in, end, PacketType.UNSUBACK)); // [MQTT-2.3.1-7]
    }
}
