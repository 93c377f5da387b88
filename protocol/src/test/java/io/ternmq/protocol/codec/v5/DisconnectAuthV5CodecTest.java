package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisconnectAuthV5CodecTest {

    @Test
    void codec_disconnectShortForm_isTheFixedHeaderAlone() {
        // 3.14.2.1: remaining length 0 means normal disconnection without properties
        V5.assertBothWays("E0 00 // DISCONNECT, remaining length 0", Disconnect.INSTANCE);
    }

    @Test
    void codec_disconnectWithReasonOnly_omitsThePropertyLength() {
        // 3.14.2.2: remaining length 1; [MQTT-3.14.2-1] 0x04 is a DISCONNECT reason code
        V5.assertBothWays("""
                E0 01      // DISCONNECT, remaining length 1
                04         // disconnect with will message
                """, new Disconnect(ReasonCode.DISCONNECT_WITH_WILL_MESSAGE, DisconnectProperties.EMPTY));
    }

    @Test
    void codec_disconnectWithEveryProperty_matchesTheBytesBothWays() {
        V5.assertBothWays("""
                E0 1A                  // DISCONNECT, remaining length 26
                9C                     // use another server
                18                     // property length 24
                11 00 00 00 0A         // session expiry interval 10
                1C 00 03 73 72 76      // server reference "srv"
                1F 00 03 77 68 79      // reason string "why"
                26 00 01 6B 00 01 76   // user property k=v
                """, new Disconnect(ReasonCode.USE_ANOTHER_SERVER,
                new DisconnectProperties(10L, "why", List.of(new UserProperty("k", "v")), "srv")));
    }

    @Test
    void withoutOptionalDiagnostics_disconnect_keepsServerReference() {
        // [MQTT-3.14.2-3] [MQTT-3.14.2-4]
        Disconnect disconnect = new Disconnect(ReasonCode.SERVER_MOVED,
                new DisconnectProperties(null, "why", List.of(new UserProperty("k", "v")), "srv"));

        assertThat(V5.hex(V5.encode(disconnect.withoutOptionalDiagnostics())))
                .isEqualTo("e0 08 9d 06 1c 00 03 73 72 76");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [MQTT-3.14.1-1] DISCONNECT flags 0001            | E1 00          | MALFORMED_PACKET
            [MQTT-3.14.2-1] DISCONNECT reason 0x01           | E0 01 01       | MALFORMED_PACKET
            [MQTT-3.14.2-1] DISCONNECT reason 0x84           | E0 01 84       | MALFORMED_PACKET
            2.2.2.2 topic alias in DISCONNECT                | E0 05 00 03 23 00 01 | MALFORMED_PACKET
            3.14.2.2.2 session expiry twice                  | E0 0C 00 0A 11 00 00 00 01 11 00 00 00 01 | PROTOCOL_ERROR
            [MQTT-3.15.1-1] AUTH flags 0001                  | F1 00          | MALFORMED_PACKET
            [MQTT-3.15.2-1] AUTH reason 0x04                 | F0 01 04       | MALFORMED_PACKET
            2.2.2.2 session expiry in AUTH                   | F0 07 18 05 11 00 00 00 01 | MALFORMED_PACKET
            3.15.2.2.2 authentication method twice           | F0 0A 18 08 15 00 01 4D 15 00 01 4D | PROTOCOL_ERROR
            [MQTT-2.1.3-1] PINGREQ flags 0001                | C1 00          | MALFORMED_PACKET
            """)
    void decode_badDisconnectOrAuth_isRejected(String why, String bytes, ReasonCode expected) {
        V5.assertRejected(V5.bytes(bytes), expected);
    }

    @Test
    void codec_authShortForm_isSuccessWithoutProperties() {
        // 3.15.2.1: remaining length 0 means success without properties
        V5.assertBothWays("F0 00 // AUTH, remaining length 0", new Auth(ReasonCode.SUCCESS, AuthProperties.EMPTY));
    }

    @Test
    void codec_authContinue_hasEveryProperty() {
        // [MQTT-3.15.2-1] 0x18 continue authentication
        V5.assertBothWays("""
                F0 1A                  // AUTH, remaining length 26
                18                     // continue authentication
                18                     // property length 24
                15 00 05 53 43 52 41 4D // authentication method "SCRAM"
                16 00 02 01 02         // authentication data 01 02
                1F 00 01 72            // reason string "r"
                26 00 01 6B 00 01 76   // user property k=v
                """, new Auth(ReasonCode.CONTINUE_AUTHENTICATION,
                new AuthProperties("SCRAM", new byte[] {1, 2}, "r", List.of(new UserProperty("k", "v")))));
    }

    @Test
    void codec_reauthenticateWithoutProperties_writesPropertyLengthZero() {
        V5.assertBothWays("""
                F0 02      // AUTH, remaining length 2
                19         // re-authenticate
                00         // property length 0
                """, new Auth(ReasonCode.RE_AUTHENTICATE, AuthProperties.EMPTY));
        V5.assertSamePacket(V5.decode(V5.bytes("F0 01 19")),
                new Auth(ReasonCode.RE_AUTHENTICATE, AuthProperties.EMPTY));
    }

    @Test
    void codec_pingPackets_areTheSameAsIn311() {
        // 3.12, 3.13: PINGREQ and PINGRESP have no variable header in 5.0 either
        V5.assertBothWays("C0 00 // PINGREQ", Pingreq.INSTANCE);
        V5.assertBothWays("D0 00 // PINGRESP", Pingresp.INSTANCE);
    }
}
