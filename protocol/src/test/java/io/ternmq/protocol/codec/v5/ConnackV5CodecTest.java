package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnackV5CodecTest {

    private static final ConnackProperties EVERY_PROPERTY = new ConnackProperties(300L, 20, Qos.AT_LEAST_ONCE, false,
            1024L, "id", 8, "why", List.of(new UserProperty("k", "v")), false, false, false, 30, "ri", "srv",
            "M", new byte[] {9});

    @Test
    void codec_connackWithEveryProperty_matchesTheBytesBothWays() {
        V5.assertBothWays("""
                20 45                      // CONNACK, remaining length 69
                01                         // session present
                00                         // reason code success
                42                         // property length 66
                11 00 00 01 2C             // session expiry interval 300
                12 00 02 69 64             // assigned client identifier "id"
                13 00 1E                   // server keep alive 30
                15 00 01 4D                // authentication method "M"
                16 00 01 09                // authentication data 09
                1A 00 02 72 69             // response information "ri"
                1C 00 03 73 72 76          // server reference "srv"
                1F 00 03 77 68 79          // reason string "why"
                21 00 14                   // receive maximum 20
                22 00 08                   // topic alias maximum 8
                24 01                      // maximum QoS 1
                25 00                      // retain available 0
                26 00 01 6B 00 01 76       // user property k=v
                27 00 00 04 00             // maximum packet size 1024
                28 00                      // wildcard subscription available 0
                29 00                      // subscription identifiers available 0
                2A 00                      // shared subscription available 0
                """, new Connack(true, ReasonCode.SUCCESS, EVERY_PROPERTY));
    }

    @Test
    void codec_refusalWithoutProperties_hasPropertyLengthZero() {
        // [MQTT-2.2.2-1] [MQTT-3.2.2-6] a refusal has session present 0
        V5.assertBothWays("""
                20 03                  // CONNACK, remaining length 3
                00                     // session present 0
                86                     // reason code: bad user name or password
                00                     // property length 0
                """, new Connack(false, ReasonCode.BAD_USER_NAME_OR_PASSWORD, ConnackProperties.EMPTY));
    }

    @Test
    void withoutOptionalDiagnostics_connack_dropsReasonStringAndUserPropertiesOnly() {
        // [MQTT-3.2.2-19] [MQTT-3.2.2-20] [MQTT-3.1.2-24]: what the server leaves out to fit the client's limit
        Connack connack = new Connack(true, ReasonCode.SUCCESS, EVERY_PROPERTY);
        Connack lean = connack.withoutOptionalDiagnostics();

        assertThat(lean.properties().reasonString()).isNull();
        assertThat(lean.properties().userProperties()).isEmpty();
        assertThat(lean.properties().assignedClientIdentifier()).isEqualTo("id");
        assertThat(V5.ENCODER.encodedSize(lean, ProtocolVersion.MQTT_5))
                .isEqualTo(V5.ENCODER.encodedSize(connack, ProtocolVersion.MQTT_5) - 6 - 7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [MQTT-3.2.2-8] reason code 0x01 is not a CONNACK reason code | 00 01 00
            [MQTT-3.2.2-8] reason code 0x8B is not a CONNACK reason code | 00 8B 00
            [MQTT-3.2.2-1] acknowledge flags bit 1 set                   | 02 00 00
            [MQTT-3.2.2-6] session present with a refusal                 | 01 80 00
            2.2.2.2 topic alias is not a CONNACK property                  | 00 00 03 23 00 01
            """)
    void decode_badConnack_isMalformed(String why, String body) {
        V5.assertRejected(Frames.packet(0x20, body), ReasonCode.MALFORMED_PACKET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            3.2.2.3.4 maximum QoS 2           | 24 02
            3.2.2.3.5 retain available 2      | 25 02
            3.2.2.3.11 wildcard available 2   | 28 02
            3.2.2.3.12 sub ids available 2    | 29 02
            3.2.2.3.13 shared available 2     | 2A 02
            3.2.2.3.3 receive maximum 0       | 21 00 00
            3.2.2.3.6 maximum packet size 0   | 27 00 00 00 00
            3.2.2.3.7 assigned id twice       | 12 00 00 12 00 00
            3.2.2.3.14 server keep alive twice | 13 00 01 13 00 01
            3.2.2.3.9 reason string twice     | 1F 00 00 1F 00 00
            """)
    void decode_badConnackProperty_isProtocolError(String why, String properties) {
        V5.assertRejected(Frames.packet(0x20, "00 00", Frames.properties(properties)), ReasonCode.PROTOCOL_ERROR);
    }
}
