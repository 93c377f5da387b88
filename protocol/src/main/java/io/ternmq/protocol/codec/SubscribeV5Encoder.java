package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;

/** SUBSCRIBE of MQTT 5 (3.8): packet identifier, properties, then filter and subscription options pairs. */
final class SubscribeV5Encoder {

    private static final int FIRST_BYTE = 0x82;

    private SubscribeV5Encoder() {
    }

    static int remainingLength(Subscribe p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        long length = 2 + PropertyEmitter.fieldSize(p.properties());
        for (TopicSubscription s : p.subscriptions()) {
            length += FieldWriter.stringSize(s.topicFilter(), "topic filter") + 1;
        }
        return PacketEncoder.requireRemainingLength(length);
    }

    static void encode(Subscribe p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
        PropertyEmitter.write(out, p.properties());
        for (TopicSubscription s : p.subscriptions()) {
            FieldWriter.writeString(out, s.topicFilter());
            // 3.8.3.1: bits 0-1 QoS, 2 no local, 3 retain as published, 4-5 retain handling, 6-7 reserved 0
            out.writeByte(s.qos().value() | (s.noLocal() ? 0x04 : 0) | (s.retainAsPublished() ? 0x08 : 0)
                    | s.retainHandling().value() << 4);
        }
    }
}
