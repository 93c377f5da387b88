package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Suback;
import java.util.ArrayList;
import java.util.List;

/** SUBACK (3.9): a packet identifier, then one return code per filter of the SUBSCRIBE. */
final class SubackDecoder {

    private SubackDecoder() {
    }

    static Suback decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.SUBACK, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        int packetId = FieldReader.readPacketId(in, end, PacketType.SUBACK); // [MQTT-2.3.1-7]
        if (!FieldReader.hasMore(in, end)) {
            throw Malformed.protocol("SUBACK has no return code"); // [MQTT-3.8.4-5]: one per filter, at least one
        }
        List<Integer> returnCodes = new ArrayList<>(end - in.readerIndex());
        while (FieldReader.hasMore(in, end)) {
            int code = in.readUnsignedByte();
            if (code > 2 && code != Suback.FAILURE) {
                throw Malformed.packet("SUBACK return code " + code + " is reserved"); // [MQTT-3.9.3-2]
            }
            returnCodes.add(code);
        }
        return new Suback(packetId, returnCodes);
    }
}
