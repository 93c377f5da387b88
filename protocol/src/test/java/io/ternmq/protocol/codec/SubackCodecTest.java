package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.Suback;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubackCodecTest {

    private static final byte[] FOUR_CODES = Hex.bytes("""
            90              // SUBACK, flags 0000
            06              // remaining length 6
            00 0a           // packet identifier 10
            00              // granted QoS 0
            01              // granted QoS 1
            02              // granted QoS 2
            80              // failure
            """);

    private static final Suback FOUR_CODES_PACKET = new Suback(10, List.of(0, 1, 2, Suback.FAILURE));

    @Test
    void decode_everyReturnCode_keepsTheirOrder() {
        // [MQTT-3.9.3-1] [MQTT-3.9.3-2] [MQTT-2.3.1-7]
        Codec.assertSamePacket(decode(FOUR_CODES), FOUR_CODES_PACKET);
    }

    @Test
    void encode_everyReturnCode_writesTheLiteral() {
        assertThat(encode(FOUR_CODES_PACKET)).isEqualTo(FOUR_CODES);
    }

    @Test
    void decode_reservedReturnCode_isMalformed() {
        // [MQTT-3.9.3-2]
        assertThat(decodeError(Hex.bytes("90 03  00 01  03  // return code 3")))
                .hasMessageContaining("SUBACK return code 3 is reserved");
        assertThat(decodeError(Hex.bytes("90 03  00 01  81  // return code 0x81")))
                .hasMessageContaining("SUBACK return code 129 is reserved");
    }

    @Test
    void decode_noReturnCode_isMalformed() {
        // [MQTT-3.8.4-5] one return code per filter, and a SUBSCRIBE has at least one
        assertThat(decodeError(Hex.bytes("90 02  00 01  // no return code"))).hasMessageContaining("no return code");
    }

    @Test
    void decode_fixedHeaderFlags_isMalformed() {
        // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        assertThat(decodeError(Hex.bytes("92 03  00 01  00"))).hasMessageContaining("SUBACK fixed header flags");
    }

    @Test
    void decode_packetId0_isMalformed() {
        // [MQTT-2.3.1-7] it echoes a SUBSCRIBE identifier, which is never 0 [MQTT-2.3.1-1]
        assertThat(decodeError(Hex.bytes("90 03  00 00  00"))).hasMessageContaining("must not be 0");
    }
}
