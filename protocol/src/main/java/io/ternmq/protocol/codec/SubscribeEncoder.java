package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;

/** SUBSCRIBE (3.8): flags 0010 [MQTT-3.8.1-1], packet identifier, then filter and requested QoS pairs. */
final class SubscribeEncoder {

    private static final int FIRST_BYTE = 0x82;

    private SubscribeEncoder() {
    }

    static int remainingLength(Subscribe p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        long length = 2;
        for (TopicSubscription s : p.subscriptions()) {
            length += FieldWriter.stringSize(s.topicFilter(), "topic filter") + 1;
        }
        return PacketEncoder.requireRemainingLength(length);
    }

    static void encode(Subscribe p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
        for (TopicSubscription s : p.subscriptions()) {
            FieldWriter.writeString(out, s.topicFilter());
            out.writeByte(s.qos().value());
        }
    }
}
