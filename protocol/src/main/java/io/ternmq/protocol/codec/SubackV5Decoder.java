package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.PropertyScope;
import io.ternmq.protocol.ReasonCodes;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Unsuback;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBACK and UNSUBACK of MQTT 5 (3.9, 3.11): packet identifier, properties, then one reason code per filter
 * of the request, at least one.
 */
final class SubackV5Decoder {

    private SubackV5Decoder() {
    }

    static Suback decodeSuback(int flags, ByteBuf in, int end) {
        int packetId = header(PacketType.SUBACK, flags, in, end);
        AckProperties properties = PropertyRecords.ack(in, end, PropertyScope.SUBACK);
        return new Suback(packetId, reasonCodes(PacketType.SUBACK, in, end), properties); // [MQTT-3.9.3-2]
    }

    static Unsuback decodeUnsuback(int flags, ByteBuf in, int end) {
        int packetId = header(PacketType.UNSUBACK, flags, in, end);
        AckProperties properties = PropertyRecords.ack(in, end, PropertyScope.UNSUBACK);
        return new Unsuback(packetId, reasonCodes(PacketType.UNSUBACK, in, end), properties); // [MQTT-3.11.3-2]
    }

    private static int header(PacketType type, int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(type, flags, 0); // [MQTT-2.1.3-1]
        }
        return FieldReader.readPacketId(in, end, type); // [MQTT-2.2.1-6]
    }

    private static List<Integer> reasonCodes(PacketType type, ByteBuf in, int end) {
        if (!FieldReader.hasMore(in, end)) {
            throw Malformed.protocol(type + " has no reason code"); // one per filter of the request, at least one
        }
        List<Integer> codes = new ArrayList<>(end - in.readerIndex());
        while (FieldReader.hasMore(in, end)) {
            int code = in.readUnsignedByte();
            if (!ReasonCodes.allowedIn(type, code)) {
                // [MQTT-3.9.3-2] [MQTT-3.11.3-2]
                throw Malformed.packet(type + " reason code " + code + " is not defined for " + type);
            }
            codes.add(code);
        }
        return codes;
    }
}
