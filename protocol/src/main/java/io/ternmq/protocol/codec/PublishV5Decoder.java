package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;

/**
 * PUBLISH of MQTT 5 (3.3): topic, packet identifier when QoS > 0, properties, payload. An empty topic is
 * allowed only with a topic alias; resolving the alias is the receiver's business (3.3.2.3.4).
 */
final class PublishV5Decoder {

    private static final int DUP = 0x08;
    private static final int RETAIN = 0x01;

    private PublishV5Decoder() {
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
        String topic = FieldReader.readTopic(in, end); // [MQTT-3.3.2-1] [MQTT-1.5.4-1] [MQTT-1.5.4-2]
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw Malformed.packet("PUBLISH topic name contains a wildcard"); // [MQTT-3.3.2-2]
        }
        // [MQTT-2.2.1-2] QoS 0 has no packet identifier; QoS 1 and 2 have a non-zero one
        int packetId = qos == Qos.AT_MOST_ONCE ? 0 : FieldReader.readPacketId(in, end, PacketType.PUBLISH);
        PublishProperties properties = PropertyRecords.publish(in, end); // topic alias 0 refused: [MQTT-3.3.2-8]
        if (topic.isEmpty() && properties.topicAlias() == null) {
            throw Malformed.protocol("PUBLISH has an empty topic name and no topic alias"); // 3.3.2.3.4
        }
        byte[] payload = FieldReader.readRest(in, end);
        return new Publish(topic, qos, (flags & RETAIN) != 0, dup, packetId, payload, properties);
    }
}
