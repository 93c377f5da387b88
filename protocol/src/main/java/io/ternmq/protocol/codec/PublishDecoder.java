package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;

/**
 * PUBLISH (3.3), the hot path: U+0000 and UTF-8 are checked while decoding the topic, and the wildcard check
 * uses String.indexOf (vectorised by the JIT) rather than the general char loop of Topics.
 */
final class PublishDecoder {

    private static final int DUP = 0x08;
    private static final int RETAIN = 0x01;

    private PublishDecoder() {
    }

    static Publish decode(int flags, ByteBuf in, int end) {
        int qosBits = (flags >>> 1) & 0x03;
        if (qosBits == 3) {
            throw Malformed.packet("PUBLISH QoS 3 is reserved"); // [MQTT-3.3.1-4]
        }
        Qos qos = Qos.fromValue(qosBits);
        boolean dup = (flags & DUP) != 0;
        if (dup && qos == Qos.AT_MOST_ONCE) {
            throw Malformed.packet("PUBLISH QoS 0 must have DUP 0"); // [MQTT-3.3.1-2]
        }
        String topic = FieldReader.readTopic(in, end); // [MQTT-3.3.2-1]; no U+0000 [MQTT-4.7.3-2]
        if (topic.isEmpty()) {
            throw Malformed.packet("PUBLISH topic name is empty"); // [MQTT-4.7.3-1]
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw Malformed.packet("PUBLISH topic name contains a wildcard"); // [MQTT-3.3.2-2] [MQTT-4.7.1-1]
        }
        // [MQTT-2.3.1-5] QoS 0 has no packet identifier; QoS 1 and 2 have a non-zero one [MQTT-2.3.1-1]
        int packetId = qos == Qos.AT_MOST_ONCE ? 0 : FieldReader.readPacketId(in, end, PacketType.PUBLISH);
        byte[] payload = FieldReader.readRest(in, end);
        return new Publish(topic, qos, (flags & RETAIN) != 0, dup, packetId, payload);
    }
}
