package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Topics;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.protocol.UnsubscribeProperties;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE of MQTT 5 (3.10): packet identifier, properties, then one or more topic filters. */
final class UnsubscribeV5Decoder {

    private static final int FLAGS = 0b0010;

    private UnsubscribeV5Decoder() {
    }

    static Unsubscribe decode(int flags, ByteBuf in, int end) {
        if (flags != FLAGS) {
            throw Malformed.flags(PacketType.UNSUBSCRIBE, flags, FLAGS); // [MQTT-3.10.1-1]
        }
        int packetId = FieldReader.readPacketId(in, end, PacketType.UNSUBSCRIBE); // [MQTT-2.2.1-3]
        UnsubscribeProperties properties = PropertyRecords.unsubscribe(in, end);
        if (!FieldReader.hasMore(in, end)) {
            throw Malformed.protocol("UNSUBSCRIBE has no topic filter"); // [MQTT-3.10.3-2]
        }
        List<String> filters = new ArrayList<>();
        while (FieldReader.hasMore(in, end)) {
            String filter = FieldReader.readString(in, end, "topic filter"); // [MQTT-3.10.3-1]
            if (!Topics.isValidTopicFilter(filter)) {
                throw Malformed.packet("UNSUBSCRIBE topic filter \"" + Malformed.shorten(filter) + "\" is invalid");
            }
            filters.add(filter);
        }
        return new Unsubscribe(packetId, filters, properties);
    }
}
