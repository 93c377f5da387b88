package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.ProtocolVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ConnackCodecTest {

    private static final byte[] ACCEPTED_WITH_SESSION = Hex.bytes("""
            20          // CONNACK, flags 0000
            02          // remaining length 2
            01          // acknowledge flags: session present
            00          // return code 0: accepted
            """);

    @Test
    void decode_acceptedWithSession_readsBothFields() {
        Codec.assertSamePacket(decode(ACCEPTED_WITH_SESSION), new Connack(true, ConnectReturnCode.ACCEPTED));
    }

    @Test
    void encode_acceptedWithSession_writesTheLiteral() {
        // [MQTT-3.2.2-2] session present 1 on a resumed session
        assertThat(encode(new Connack(true, ConnectReturnCode.ACCEPTED))).isEqualTo(ACCEPTED_WITH_SESSION);
    }

    @ParameterizedTest
    @EnumSource(ConnectReturnCode.class)
    void codec_everyReturnCode_roundTripsWithSessionPresent0(ConnectReturnCode code) {
        // [MQTT-3.2.2-4] a refusal always has session present 0
        byte[] bytes = Hex.bytes("""
                20 02       // CONNACK, remaining length 2
                00          // acknowledge flags: no session
                """ + String.format("%02x", code.value()) + " // return code");
        Codec.assertSamePacket(decode(bytes), new Connack(false, code));
        assertThat(encode(new Connack(false, code))).isEqualTo(bytes);
    }

    @Test
    void encode_mqtt31_leavesTheUnusedByteZero() {
        // 3.1 has no session present flag: its first variable header byte is unused
        byte[] bytes = Hex.bytes("""
                20 02       // CONNACK, remaining length 2
                00          // reserved in 3.1
                00          // accepted
                """);
        assertThat(encode(new Connack(true, ConnectReturnCode.ACCEPTED), ProtocolVersion.MQTT_3_1)).isEqualTo(bytes);
        Codec.assertSamePacket(decode(bytes, ProtocolVersion.MQTT_3_1), new Connack(false, 0));
    }

    @Test
    void decode_reservedReturnCode_isMalformed() {
        assertThat(decodeError(Hex.bytes("20 02  00  06  // return code 6 is reserved")))
                .hasMessageContaining("return code 6 is reserved");
    }

    @Test
    void decode_reservedAcknowledgeFlags_isMalformed() {
        assertThat(decodeError(Hex.bytes("20 02  02  00  // acknowledge flags bit 1 set")))
                .hasMessageContaining("bits 7-1 are reserved");
    }

    @Test
    void decode_sessionPresentWithRefusal_isMalformed() {
        // [MQTT-3.2.2-4]
        assertThat(decodeError(Hex.bytes("20 02  01  05  // session present with 'not authorized'")))
                .hasMessageContaining("has session present 1");
    }

    @Test
    void decode_fixedHeaderFlagsSet_isMalformed() {
        // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        assertThat(decodeError(Hex.bytes("21 02 00 00"))).hasMessageContaining("CONNACK fixed header flags");
    }

    @Test
    void decode_wrongRemainingLength_isMalformed() {
        assertThat(decodeError(Hex.bytes("20 03  00 00  00  // one byte too many")))
                .hasMessageContaining("CONNACK has 1 bytes after its last field");
        assertThat(decodeError(Hex.bytes("20 01  00  // return code missing")))
                .hasMessageContaining("connect return code needs 1 bytes");
    }
}
