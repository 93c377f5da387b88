package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.codec.PacketDecoder;
import io.ternmq.protocol.codec.PacketEncoder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * Runs the codec on MQTT 5 byte arrays for tests: hex literals with a {@code //} comment per field, decoding
 * from a heap and a direct buffer (which must agree), encoding with a check that encodedSize was exact.
 */
final class V5 {

    static final PacketDecoder DECODER = new PacketDecoder(1 << 20, EnumSet.allOf(ProtocolVersion.class));
    static final PacketEncoder ENCODER = new PacketEncoder();

    private V5() {
    }

    /** Parses hex pairs, ignoring whitespace and everything after {@code //} on each line. */
    static byte[] bytes(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf("//");
            digits.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    static MqttPacket decode(byte[] bytes) {
        MqttPacket fromHeap = decodeWhole(Unpooled.wrappedBuffer(bytes));
        MqttPacket fromDirect = decodeWhole(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
        assertSamePacket(fromDirect, fromHeap);
        return fromHeap;
    }

    static MalformedPacketException decodeError(byte[] bytes) {
        return errorOf(Unpooled.wrappedBuffer(bytes));
    }

    /** Asserts that decoding fails with the reason code MQTT 5 requires. */
    static void assertRejected(byte[] bytes, ReasonCode expected) {
        assertThat(decodeError(bytes).reasonCode()).as("reason code for %s", hex(bytes)).isEqualTo(expected);
    }

    static byte[] encode(MqttPacket packet) {
        ByteBuf out = Unpooled.buffer();
        try {
            ENCODER.encode(packet, ProtocolVersion.MQTT_5, out);
            byte[] bytes = ByteBufUtil.getBytes(out);
            assertThat(bytes).as("encodedSize of %s", packet)
                    .hasSize(ENCODER.encodedSize(packet, ProtocolVersion.MQTT_5));
            return bytes;
        } finally {
            out.release();
        }
    }

    /** Decoding the bytes gives the packet, and encoding the packet gives the bytes. */
    static void assertBothWays(String literal, MqttPacket packet) {
        byte[] bytes = bytes(literal);
        assertSamePacket(decode(bytes), packet);
        assertThat(hex(encode(packet))).isEqualTo(hex(bytes));
    }

    /** Records hold arrays, whose equals is identity, so packets are compared field by field. */
    static void assertSamePacket(MqttPacket actual, MqttPacket expected) {
        assertThat(actual).isExactlyInstanceOf(expected.getClass());
        assertThat(actual).usingRecursiveComparison()
                .withEqualsForType(Arrays::equals, byte[].class)
                .isEqualTo(expected);
    }

    private static MqttPacket decodeWhole(ByteBuf in) {
        try {
            MqttPacket packet = DECODER.decode(in, ProtocolVersion.MQTT_5);
            assertThat(packet).isNotNull();
            assertThat(in.readableBytes()).as("bytes left unread").isZero();
            return packet;
        } finally {
            in.release();
        }
    }

    private static MalformedPacketException errorOf(ByteBuf in) {
        try {
            MqttPacket packet = DECODER.decode(in, ProtocolVersion.MQTT_5);
            return fail("expected a MalformedPacketException but decoded " + packet);
        } catch (MalformedPacketException e) {
            return e;
        } finally {
            in.release();
        }
    }
}
