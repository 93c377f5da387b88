package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Valid packets with one random byte changed, or cut short: decoding gives a packet, asks for more bytes, or
 * throws MalformedPacketException. Never another exception, never a read beyond the input.
 */
class MutatedInputTest {

    @Test
    void decode_validPacketWithOneByteChanged_givesPacketOrNullOrMalformed() {
        Random random = new Random(0x4d515454L);
        RandomPackets packets = new RandomPackets(random);
        int malformed = 0;
        for (int i = 0; i < 10_000; i++) {
            ProtocolVersion version = packets.version();
            byte[] bytes = Codec.encode(packets.next(version), version);
            int index = random.nextInt(Math.min(bytes.length, 24));
            bytes[index] = (byte) random.nextInt(256);
            malformed += decodeAll(bytes, version) ? 0 : 1;
        }
        assertThat(malformed).as("mutations caught as malformed").isGreaterThan(1_000);
    }

    @Test
    void decode_validPacketCutShortWithALargerLength_waitsForTheRest() {
        Random random = new Random(0x2_2_3L);
        RandomPackets packets = new RandomPackets(random);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = Codec.encode(packets.next(ProtocolVersion.MQTT_3_1_1), ProtocolVersion.MQTT_3_1_1);
            byte[] cut = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
            ByteBuf in = Unpooled.wrappedBuffer(cut);
            try {
                assertThat(Codec.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1)).isNull();
                assertThat(in.readerIndex()).isZero();
            } finally {
                in.release();
            }
        }
    }

    /** Decodes packets until the input runs out; false when it was malformed. */
    private static boolean decodeAll(byte[] bytes, ProtocolVersion version) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            MqttPacket packet;
            do {
                packet = Codec.DECODER.decode(in, version);
                assertThat(in.readerIndex()).isBetween(0, bytes.length);
            } while (packet != null && in.isReadable());
            return true;
        } catch (MalformedPacketException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        } finally {
            in.release();
        }
    }
}
