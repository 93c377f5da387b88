package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Topics;
import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE (3.8): flags 0010, a packet identifier, then one or more filter and requested QoS pairs. */
final class SubscribeDecoder {

    private static final int FLAGS = 0b0010;

    private SubscribeDecoder() {
    }

    static Subscribe decode(int flags, ByteBuf in, int end) {
        if (flags != FLAGS) {
            throw Malformed.flags(PacketType.SUBSCRIBE, flags, FLAGS); // [MQTT-3.8.1-1] [MQTT-2.2.2-2]
        }
        int packetId = FieldReader.readPacketId(in, end, PacketType.SUBSCRIBE); // [MQTT-2.3.1-1]
        if (!FieldReader.hasMore(in, end)) {
            throw Malformed.protocol("SUBSCRIBE has no topic filter"); // [MQTT-3.8.3-3]
        }
        List<TopicSubscription> subscriptions = new ArrayList<>();
        while (FieldReader.hasMore(in, end)) {
            String filter = FieldReader.readString(in, end, "topic filter"); // [MQTT-3.8.3-1]
            if (!Topics.isValidTopicFilter(filter)) {
                // [MQTT-4.7.1-2] [MQTT-4.7.1-3] [MQTT-4.7.3-1]: 3.1.1 has no per-filter failure for syntax
                throw Malformed.packet("SUBSCRIBE topic filter \"" + Malformed.shorten(filter) + "\" is invalid");
            }
            int requestedQos = FieldReader.readUnsignedByte(in, end, "requested QoS");
            if ((requestedQos & 0xFC) != 0 || requestedQos == 3) {
                // [MQTT-3.8.3-4] bits 7-2 are reserved and QoS 3 does not exist
                throw Malformed.packet("SUBSCRIBE requested QoS byte " + requestedQos + " is invalid");
            }
            subscriptions.add(new TopicSubscription(filter, Qos.fromValue(requestedQos)));
        }
        return new Subscribe(packetId, subscriptions);
    }
}
