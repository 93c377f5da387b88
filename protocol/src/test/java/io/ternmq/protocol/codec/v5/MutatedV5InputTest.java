package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Valid MQTT 5 packets with random bytes changed: decoding gives a packet, asks for more bytes, or throws
 * MalformedPacketException with a malformed, protocol error or too-large reason code. Never another exception.
 */
class MutatedV5InputTest {

    private static final PacketType[] TYPES = PacketType.values();

    @Test
    void decode_validPacketWithBytesChanged_givesPacketOrNullOrMalformed() {
        Random random = new Random(0x35_35_35L);
        RandomV5Packets packets = new RandomV5Packets(random);
        int malformed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = V5.encode(packets.of(TYPES[random.nextInt(TYPES.length)]));
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            malformed += decodeAll(bytes) ? 0 : 1;
        }
        assertThat(malformed).as("mutations caught as malformed").isGreaterThan(2_000);
    }

    private static boolean decodeAll(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            MqttPacket packet;
            do {
                packet = V5.DECODER.decode(in, ProtocolVersion.MQTT_5);
                assertThat(in.readerIndex()).isBetween(0, bytes.length);
            } while (packet != null && in.isReadable());
            return true;
        } catch (MalformedPacketException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.reasonCode()).isIn(ReasonCode.MALFORMED_PACKET, ReasonCode.PROTOCOL_ERROR,
                    ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, ReasonCode.PACKET_TOO_LARGE);
            return false;
        } finally {
            in.release();
        }
    }
}
