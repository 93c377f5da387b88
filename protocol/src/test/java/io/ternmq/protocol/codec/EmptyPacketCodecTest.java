package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The packets with a fixed header only: PINGREQ, PINGRESP, DISCONNECT. */
class EmptyPacketCodecTest {

    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of("PINGREQ", Pingreq.INSTANCE, Hex.bytes("""
                        c0      // PINGREQ, flags 0000
                        00      // remaining length 0
                        """)),
                Arguments.of("PINGRESP", Pingresp.INSTANCE, Hex.bytes("""
                        d0      // PINGRESP, flags 0000
                        00      // remaining length 0
                        """)),
                Arguments.of("DISCONNECT", Disconnect.INSTANCE, Hex.bytes("""
                        e0      // DISCONNECT, flags 0000
                        00      // remaining length 0
                        """)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void decode_literal_givesThePacket(String name, MqttPacket packet, byte[] bytes) {
        assertThat(decode(bytes)).isSameAs(packet);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void encode_packet_writesTheLiteral(String name, MqttPacket packet, byte[] bytes) {
        assertThat(encode(packet)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void decode_anyFixedHeaderFlag_isMalformed(String name, MqttPacket packet, byte[] bytes) {
        // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        for (int flags = 1; flags < 16; flags++) {
            byte[] changed = {(byte) (bytes[0] | flags), 0};
            assertThat(decodeError(changed)).hasMessageContaining(name + " fixed header flags must be 0000");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void decode_nonEmptyBody_isMalformed(String name, MqttPacket packet, byte[] bytes) {
        byte[] withBody = {bytes[0], 1, 0};
        assertThat(decodeError(withBody)).hasMessageContaining(name + " has 1 bytes after its last field");
    }

    @Test
    void decode_disconnectWithReservedFlags_isMalformed() {
        // [MQTT-3.14.1-1]
        assertThat(decodeError(Hex.bytes("e1 00  // DISCONNECT, flags 0001")))
                .hasMessageContaining("DISCONNECT fixed header flags must be 0000, got 0001");
    }
}
