package io.ternmq.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.codec.PacketEncoder;

/**
 * One PUBLISH encoded once by the project's codec; each send copies its bytes and patches the packet id and the
 * first 8 payload bytes (a time stamp), so the generator spends no time encoding per message.
 */
final class PublishTemplate {

    private final byte[] bytes;
    private final int packetIdOffset;
    private final int payloadOffset;
    private final Qos qos;

    PublishTemplate(String topic, Qos qos, int payloadSize) {
        this.qos = qos;
        int packetId = qos == Qos.AT_MOST_ONCE ? 0 : 1;
        Publish publish = new Publish(topic, qos, false, false, packetId, new byte[payloadSize]);
        PacketEncoder encoder = new PacketEncoder();
        ByteBuf encoded = Unpooled.buffer(encoder.encodedSize(publish, ProtocolVersion.MQTT_3_1_1));
        encoder.encode(publish, ProtocolVersion.MQTT_3_1_1, encoded);
        bytes = new byte[encoded.readableBytes()];
        encoded.readBytes(bytes);
        payloadOffset = bytes.length - payloadSize;
        packetIdOffset = payloadOffset - 2;
    }

    Qos qos() {
        return qos;
    }

    /** Encoded length of one PUBLISH. */
    int size() {
        return bytes.length;
    }

    /** A fresh buffer holding the PUBLISH with this packet id (ignored at QoS 0) and time stamp. */
    ByteBuf next(ByteBufAllocator alloc, int packetId, long stampNanos) {
        ByteBuf buffer = alloc.ioBuffer(bytes.length, bytes.length);
        writeTo(buffer, packetId, stampNanos);
        return buffer;
    }

    /** Appends the PUBLISH with this packet id (ignored at QoS 0) and time stamp to {@code out}. */
    void writeTo(ByteBuf out, int packetId, long stampNanos) {
        int start = out.writerIndex();
        out.writeBytes(bytes);
        if (qos != Qos.AT_MOST_ONCE) {
            out.setShort(start + packetIdOffset, packetId);
        }
        out.setLong(start + payloadOffset, stampNanos);
    }
}
