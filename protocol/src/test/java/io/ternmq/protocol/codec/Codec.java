package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import java.util.Arrays;

/**
 * Runs the codec on byte arrays for tests. Every decode runs on a heap and on a direct buffer (the UTF-8
 * decoder takes a different path for each) and must give the same answer; every buffer is released.
 */
final class Codec {

    static final int MAX_PACKET_SIZE = 1 << 20;
    static final PacketDecoder DECODER = new PacketDecoder(MAX_PACKET_SIZE);
    static final PacketEncoder ENCODER = new PacketEncoder();

    private Codec() {
    }

    static MqttPacket decode(byte[] bytes) {
        return decode(bytes, ProtocolVersion.MQTT_3_1_1);
    }

    /** Decodes exactly one whole packet. */
    static MqttPacket decode(byte[] bytes, ProtocolVersion version) {
        MqttPacket fromHeap = decodeWhole(Unpooled.wrappedBuffer(bytes), version);
        MqttPacket fromDirect = decodeWhole(direct(bytes), version);
        assertSamePacket(fromDirect, fromHeap);
        return fromHeap;
    }

    static MalformedPacketException decodeError(byte[] bytes) {
        return decodeError(bytes, ProtocolVersion.MQTT_3_1_1);
    }

    /** The exception decoding throws; the same from a heap and a direct buffer. */
    static MalformedPacketException decodeError(byte[] bytes, ProtocolVersion version) {
        MalformedPacketException fromHeap = errorOf(Unpooled.wrappedBuffer(bytes), version);
        MalformedPacketException fromDirect = errorOf(direct(bytes), version);
        assertThat(fromDirect).hasMessage(fromHeap.getMessage()).isExactlyInstanceOf(fromHeap.getClass());
        assertThat(fromDirect.reasonCode()).isEqualTo(fromHeap.reasonCode());
        return fromHeap;
    }

    static byte[] encode(MqttPacket packet) {
        return encode(packet, ProtocolVersion.MQTT_3_1_1);
    }

    /** Encodes and checks that encodedSize announced exactly the bytes written. */
    static byte[] encode(MqttPacket packet, ProtocolVersion version) {
        ByteBuf out = Unpooled.buffer();
        try {
            ENCODER.encode(packet, version, out);
            byte[] bytes = ByteBufUtil.getBytes(out);
            assertThat(bytes).hasSize(ENCODER.encodedSize(packet, version));
            return bytes;
        } finally {
            out.release();
        }
    }

    /** Records hold arrays, whose equals is identity, so packets are compared field by field. */
    static void assertSamePacket(MqttPacket actual, MqttPacket expected) {
        assertThat(actual).isExactlyInstanceOf(expected.getClass());
        assertThat(actual).usingRecursiveComparison()
                .withEqualsForType(Arrays::equals, byte[].class) // element-wise comparison of big payloads is slow
                .isEqualTo(expected);
    }

    static ByteBuf direct(byte[] bytes) {
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    private static MqttPacket decodeWhole(ByteBuf in, ProtocolVersion version) {
        try {
            MqttPacket packet = DECODER.decode(in, version);
            assertThat(packet).as("decoded packet of %s", Hex.of(ByteBufUtil.getBytes(in, 0, in.writerIndex())))
                    .isNotNull();
            assertThat(in.readableBytes()).as("bytes left unread").isZero();
            return packet;
        } finally {
            in.release();
        }
    }

    private static MalformedPacketException errorOf(ByteBuf in, ProtocolVersion version) {
        try {
            MqttPacket packet = DECODER.decode(in, version);
            return fail("expected a MalformedPacketException but decoded " + packet);
        } catch (MalformedPacketException e) {
            return e;
        } finally {
            in.release();
        }
    }
}
