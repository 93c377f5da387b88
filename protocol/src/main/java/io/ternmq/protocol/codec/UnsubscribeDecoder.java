package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Topics;
import io.ternmq.protocol.Unsubscribe;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE (3.10): flags 0010, a packet identifier, then one or more topic filters. */
final class UnsubscribeDecoder {

    private static final int FLAGS = 0b0010;

    private UnsubscribeDecoder() {
    }

    static Unsubscribe decode(int flags, ByteBuf in, int end) {
        if (flags != FLAGS) {
            throw Malformed.flags(PacketType.UNSUBSCRIBE, flags, FLAGS); // [MQTT-3.10.1-1] [MQTT-2.2.2-2]
        }
        int packetId = FieldReader.readPacketId(in, end, PacketType.UNSUBSCRIBE); // [MQTT-2.3.1-1]
        if (!FieldReader.hasMore(in, end)) {
            throw Malformed.protocol("UNSUBSCRIBE has no topic filter"); // [MQTT-3.10.3-2]
        }
        List<String> filters = new ArrayList<>();
        while (FieldReader.hasMore(in, end)) {
            String filter = FieldReader.readString(in, end, "topic filter"); // [MQTT-3.10.3-1]
            if (!Topics.isValidTopicFilter(filter)) {
                // [MQTT-4.7.1-2] [MQTT-4.7.1-3] [MQTT-4.7.3-1]: such a filter can name no subscription
                throw Malformed.packet("UNSUBSCRIBE topic filter \"" + Malformed.shorten(filter) + "\" is invalid");
            }
            filters.add(filter);
        }
        return new Unsubscribe(packetId, filters);
    }
}
