package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Topics;
import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE of MQTT 5 (3.8): packet identifier, properties, then filter and subscription options pairs. */
final class SubscribeV5Decoder {

    private static final int FLAGS = 0b0010;
    private static final String SHARED_PREFIX = "$share/";

    private SubscribeV5Decoder() {
    }

    static Subscribe decode(int flags, ByteBuf in, int end) {
        if (flags != FLAGS) {
            throw Malformed.flags(PacketType.SUBSCRIBE, flags, FLAGS); // [MQTT-3.8.1-1]
        }
        int packetId = FieldReader.readPacketId(in, end, PacketType.SUBSCRIBE); // [MQTT-2.2.1-3]
        SubscribeProperties properties = PropertyRecords.subscribe(in, end);
        if (!FieldReader.hasMore(in, end)) {
            throw Malformed.protocol("SUBSCRIBE has no topic filter"); // [MQTT-3.8.3-2]
        }
        List<TopicSubscription> subscriptions = new ArrayList<>();
        while (FieldReader.hasMore(in, end)) {
            String filter = FieldReader.readString(in, end, "topic filter"); // [MQTT-3.8.3-1]
            if (!Topics.isValidTopicFilter(filter)) {
                // 4.7.1: a wildcard out of place makes the packet malformed (4.13: "Malformed Packet")
                throw Malformed.packet("SUBSCRIBE topic filter \"" + Malformed.shorten(filter) + "\" is invalid");
            }
            int options = FieldReader.readUnsignedByte(in, end, "subscription options");
            if ((options & 0xC0) != 0) {
                throw Malformed.packet("SUBSCRIBE options bits 7-6 are reserved, got " + options); // [MQTT-3.8.3-5]
            }
            int qos = options & 0x03;
            if (qos == 3) {
                throw Malformed.packet("SUBSCRIBE maximum QoS 3 is reserved"); // 3.8.3.1: Malformed Packet
            }
            boolean noLocal = (options & 0x04) != 0;
            if (noLocal && filter.startsWith(SHARED_PREFIX)) {
                throw Malformed.protocol("no local on a shared subscription"); // [MQTT-3.8.3-4]
            }
            // 3.8.3.1: retain handling 3 is a Protocol Error (RetainHandling.fromValue)
            subscriptions.add(new TopicSubscription(filter, Qos.fromValue(qos), noLocal, (options & 0x08) != 0,
                    RetainHandling.fromValue((options >>> 4) & 0x03)));
        }
        return new Subscribe(packetId, subscriptions, properties);
    }
}
