package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decodeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixed header, the remaining length and the handling of partial input (PacketDecoder itself). */
class FramingTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152})
    void decode_remainingLengthAtEachSizeBoundary_readsTheWholePacket(int payloadLength) {
        Publish publish = new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[payloadLength]);
        byte[] bytes = Codec.encode(publish);
        int lengthBytes = bytes.length - 1 - 3 - payloadLength;
        assertThat(lengthBytes).isEqualTo(FixedHeader.lengthSize(3 + payloadLength));
        PacketDecoder decoder = new PacketDecoder(bytes.length);
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            Codec.assertSamePacket(decoder.decode(in, ProtocolVersion.MQTT_3_1_1), publish);
        } finally {
            in.release();
        }
    }

    @Test
    void decode_remainingLengthLiterals_decodeToTheirValues() {
        // 2.2.3 table 2.4: the boundaries of one to four length bytes
        assertRemainingLength("7f", 127);
        assertRemainingLength("80 01", 128);
        assertRemainingLength("ff 7f", 16_383);
        assertRemainingLength("80 80 01", 16_384);
        assertRemainingLength("ff ff 7f", 2_097_151);
        assertRemainingLength("80 80 80 01", 2_097_152);
        assertRemainingLength("ff ff ff 7f", 268_435_455);
    }

    @Test
    void decode_remainingLengthOfFiveBytes_isMalformedAtTheFourthByte() {
        byte[] bytes = Hex.bytes("""
                30              // PUBLISH
                ff ff ff ff     // four length bytes, each saying "more follows"
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("remaining length takes more than 4 bytes");
        assertThat(decodeError(Hex.bytes("30 80 80 80 80 01"))).hasMessageContaining("more than 4 bytes");
    }

    @Test
    void decode_oversizeRemainingLength_isRejectedWhenOnlyTheHeaderHasArrived() {
        PacketDecoder decoder = new PacketDecoder(1_000);
        byte[] header = Hex.bytes("""
                30          // PUBLISH
                e6 07       // remaining length 998: with its 3 header bytes the packet is 1001 bytes
                """);
        ByteBuf in = Unpooled.wrappedBuffer(header);
        try {
            assertThatThrownBy(() -> decoder.decode(in, ProtocolVersion.MQTT_3_1_1))
                    .isInstanceOf(MalformedPacketException.class)
                    .hasMessageContaining("1001 bytes exceeds the maximum packet size 1000")
                    .extracting(e -> ((MalformedPacketException) e).reasonCode())
                    .isEqualTo(ReasonCode.PACKET_TOO_LARGE);
        } finally {
            in.release();
        }
    }

    @Test
    void decode_packetOfExactlyTheMaximum_isAccepted() {
        PacketDecoder decoder = new PacketDecoder(1_000);
        byte[] bytes = Codec.encode(new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[994]));
        assertThat(bytes).hasSize(1_000);
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            assertThat(decoder.decode(in, ProtocolVersion.MQTT_3_1_1)).isInstanceOf(Publish.class);
        } finally {
            in.release();
        }
    }

    @Test
    void constructor_maximumBelowTheSmallestPacket_isIllegalArgument() {
        assertThatThrownBy(() -> new PacketDecoder(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PacketDecoder(2)).isNotNull();
    }

    @Test
    void decode_reservedPacketType0_isMalformedFromTheFirstByte() {
        // 2.2.1: types 0 and (before 5.0) 15 are reserved
        assertThat(decodeError(Hex.bytes("00"))).hasMessageContaining("reserved packet type 0");
        assertThat(decodeError(Hex.bytes("f0 00"))).hasMessageContaining("packet type 15 is reserved");
    }

    @Test
    void decode_mqtt5ConnectionPingreq_decodes() {
        assertThat(Codec.decode(Hex.bytes("c0 00"), ProtocolVersion.MQTT_5)).isEqualTo(Pingreq.INSTANCE);
    }

    @Test
    void decode_emptyBuffer_returnsNull() {
        ByteBuf in = Unpooled.buffer(0);
        try {
            assertThat(Codec.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1)).isNull();
        } finally {
            in.release();
        }
    }

    @Test
    void decode_randomPacketsFedOneByteAtATime_returnNullUntilTheLastByte() {
        Random random = new Random(20_261_125L);
        RandomPackets packets = new RandomPackets(random);
        for (int i = 0; i < 500; i++) {
            ProtocolVersion version = packets.version();
            MqttPacket packet = packets.next(version);
            byte[] bytes = Codec.encode(packet, version);
            ByteBuf in = random.nextBoolean() ? Unpooled.buffer() : Unpooled.directBuffer();
            try {
                for (int n = 0; n < bytes.length - 1; n++) {
                    in.writeByte(bytes[n]);
                    assertThat(Codec.DECODER.decode(in, version)).as("after %d of %d bytes", n + 1, bytes.length)
                            .isNull();
                    assertThat(in.readerIndex()).isZero();
                }
                in.writeByte(bytes[bytes.length - 1]);
                Codec.assertSamePacket(Codec.DECODER.decode(in, version), packet);
                assertThat(in.readerIndex()).isEqualTo(bytes.length);
            } finally {
                in.release();
            }
        }
    }

    @Test
    void decode_severalPacketsInOneBuffer_consumesOneAtATime() {
        byte[] bytes = Hex.bytes("""
                40 02 00 01     // PUBACK 1
                c0 00           // PINGREQ
                40 02 00 02     // PUBACK 2
                40 02           // the first two bytes of a third PUBACK
                """);
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            List<MqttPacket> decoded = new ArrayList<>();
            MqttPacket packet;
            while ((packet = Codec.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1)) != null) {
                decoded.add(packet);
            }
            assertThat(decoded).containsExactly(new Puback(1), Pingreq.INSTANCE, new Puback(2));
            assertThat(in.readerIndex()).isEqualTo(10);
        } finally {
            in.release();
        }
    }

    @Test
    void decode_randomBytes_neverThrowsAnythingButMalformedPacket() {
        // Bad input gets a clear error, never another exception, and the decoder never reads past the input.
        Random random = new Random(0xbadL);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            random.nextBytes(bytes);
            int type = (bytes[0] >> 4) & 0x0f;
            if (random.nextBoolean()) {
                // get past the fixed header flag check often enough to exercise the body decoders
                bytes[0] = (byte) (type << 4 | (type == 6 || type == 8 || type == 10 ? 2 : bytes[0] & 0x01));
            }
            if (random.nextBoolean()) {
                bytes[1 % bytes.length] = (byte) random.nextInt(bytes.length);
            }
            ByteBuf in = Unpooled.wrappedBuffer(bytes);
            try {
                Codec.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1);
                assertThat(in.readerIndex()).isBetween(0, bytes.length);
            } catch (MalformedPacketException e) {
                assertThat(e.getMessage()).isNotBlank();
            } finally {
                in.release();
            }
        }
    }

    /**
     * Only the header of a PUBLISH has arrived: a maximum packet size of exactly header plus remaining length
     * lets the decoder wait for the body, one byte less makes it reject the packet, which pins the value read.
     */
    private static void assertRemainingLength(String lengthBytes, int expected) {
        byte[] header = Hex.bytes("30 " + lengthBytes);
        int packetSize = header.length + expected;
        ByteBuf in = Unpooled.wrappedBuffer(header);
        try {
            assertThat(new PacketDecoder(packetSize).decode(in, ProtocolVersion.MQTT_3_1_1)).isNull();
            assertThat(in.readerIndex()).isZero();
            assertThatThrownBy(() -> new PacketDecoder(packetSize - 1).decode(in, ProtocolVersion.MQTT_3_1_1))
                    .isInstanceOf(MalformedPacketException.class)
                    .extracting(e -> ((MalformedPacketException) e).reasonCode())
                    .isEqualTo(ReasonCode.PACKET_TOO_LARGE);
        } finally {
            in.release();
        }
    }
}
