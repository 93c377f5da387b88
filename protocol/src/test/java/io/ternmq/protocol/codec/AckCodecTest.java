package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Unsuback;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The packets made of a packet identifier only: PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK. */
class AckCodecTest {

    static Stream<Arguments> acks() {
        return Stream.of(
                Arguments.of("PUBACK", new Puback(0x1234), Hex.bytes("""
                        40          // PUBACK, flags 0000
                        02          // remaining length 2
                        12 34       // packet identifier 0x1234
                        """)),
                Arguments.of("PUBREC", new Pubrec(1), Hex.bytes("""
                        50          // PUBREC, flags 0000
                        02          // remaining length 2
                        00 01       // packet identifier 1
                        """)),
                Arguments.of("PUBREL", new Pubrel(0xfffe), Hex.bytes("""
                        62          // PUBREL, flags 0010 [MQTT-3.6.1-1]
                        02          // remaining length 2
                        ff fe       // packet identifier 65534
                        """)),
                Arguments.of("PUBCOMP", new Pubcomp(300), Hex.bytes("""
                        70          // PUBCOMP, flags 0000
                        02          // remaining length 2
                        01 2c       // packet identifier 300
                        """)),
                Arguments.of("UNSUBACK", new Unsuback(7), Hex.bytes("""
                        b0          // UNSUBACK, flags 0000
                        02          // remaining length 2
                        00 07       // packet identifier 7
                        """)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void decode_literal_readsThePacketId(String name, MqttPacket packet, byte[] bytes) {
        // [MQTT-2.3.1-6] [MQTT-2.3.1-7] the identifier is echoed as is
        Codec.assertSamePacket(decode(bytes), packet);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void encode_packet_writesTheLiteral(String name, MqttPacket packet, byte[] bytes) {
        assertThat(encode(packet)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void decode_otherFixedHeaderFlags_isMalformed(String name, MqttPacket packet, byte[] bytes) {
        // [MQTT-2.2.2-1] [MQTT-2.2.2-2] [MQTT-3.6.1-1]: every other flag value is malformed
        int expected = bytes[0] & 0x0f;
        for (int flags = 0; flags < 16; flags++) {
            if (flags != expected) {
                byte[] changed = bytes.clone();
                changed[0] = (byte) (bytes[0] & 0xf0 | flags);
                assertThat(decodeError(changed)).hasMessageContaining(name + " fixed header flags must be");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void decode_packetId0_isMalformed(String name, MqttPacket packet, byte[] bytes) {
        // [MQTT-2.3.1-1]: no packet is sent with identifier 0, so none is acknowledged with it
        byte[] zero = {bytes[0], 2, 0, 0};
        assertThat(decodeError(zero)).hasMessageContaining(name + " packet identifier must not be 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void decode_bodyLongerThanThePacketId_isMalformed(String name, MqttPacket packet, byte[] bytes) {
        byte[] longer = {bytes[0], 3, bytes[2], bytes[3], 0};
        assertThat(decodeError(longer)).hasMessageContaining(name + " has 1 bytes after its last field");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void decode_bodyShorterThanThePacketId_isMalformed(String name, MqttPacket packet, byte[] bytes) {
        byte[] shorter = {bytes[0], 1, bytes[2]};
        assertThat(decodeError(shorter))
                .hasMessageContaining(name + " packet identifier needs 2 bytes but the packet has 1 left");
    }
}
