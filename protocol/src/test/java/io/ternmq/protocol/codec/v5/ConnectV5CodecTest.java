package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UnsupportedProtocolVersionException;
import io.ternmq.protocol.UserProperty;
import io.ternmq.protocol.Will;
import io.ternmq.protocol.WillProperties;
import io.ternmq.protocol.codec.PacketDecoder;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectV5CodecTest {

    private static final String EVERY_FIELD = """
            10 63                      // CONNECT, remaining length 99
            00 04 4D 51 54 54          // protocol name "MQTT"
            05                         // protocol level 5
            CE                         // flags: user name, password, will QoS 1, will, clean start
            00 3C                      // keep alive 60
            27                         // property length 39
            11 00 00 00 78             // session expiry interval 120
            15 00 04 53 43 52 4D       // authentication method "SCRM"
            16 00 02 01 02             // authentication data 01 02
            17 01                      // request problem information 1
            19 01                      // request response information 1
            21 00 0A                   // receive maximum 10
            22 00 05                   // topic alias maximum 5
            26 00 01 6B 00 01 76       // user property k=v
            27 00 00 10 00             // maximum packet size 4096
            00 02 63 31                // client identifier "c1"
            1F                         // will property length 31
            01 01                      // payload format indicator: UTF-8
            02 00 00 00 3C             // message expiry interval 60
            03 00 01 74                // content type "t"
            08 00 01 72                // response topic "r"
            09 00 01 AA                // correlation data AA
            18 00 00 00 05             // will delay interval 5
            26 00 01 61 00 01 62       // user property a=b
            00 01 77                   // will topic "w"
            00 02 68 69                // will payload "hi"
            00 01 75                   // user name "u"
            00 01 70                   // password "p"
            """;

    @Test
    void codec_connectWithEveryProperty_matchesTheBytesBothWays() {
        // [MQTT-3.1.3-1] payload order; [MQTT-3.1.2-9] will properties, topic and payload with the will flag
        WillProperties willProperties = new WillProperties(5L, PayloadFormat.UTF8, 60L, "t", "r",
                new byte[] {(byte) 0xAA}, List.of(new UserProperty("a", "b")));
        Connect connect = new Connect(ProtocolVersion.MQTT_5, "c1", true, 60, "u", new byte[] {'p'},
                new Will("w", new byte[] {'h', 'i'}, Qos.AT_LEAST_ONCE, false, willProperties),
                new ConnectProperties(120L, 10, 4096L, 5, true, true, "SCRM", new byte[] {1, 2},
                        List.of(new UserProperty("k", "v"))));

        V5.assertBothWays(EVERY_FIELD, connect);
    }

    @Test
    void codec_connectWithoutProperties_hasPropertyLengthZero() {
        // [MQTT-2.2.2-1] no properties still means a property length of 0
        V5.assertBothWays("""
                10 0F                  // CONNECT, remaining length 15
                00 04 4D 51 54 54      // "MQTT"
                05                     // level 5
                02                     // clean start
                00 3C                  // keep alive 60
                00                     // property length 0
                00 02 63 31            // client identifier "c1"
                """, new Connect(ProtocolVersion.MQTT_5, "c1", true, 60, null, null, null));
    }

    @Test
    void decode_level5WithTheDefaultDecoder_isUnsupportedProtocolVersion() {
        // The broker refuses 5.0 with CONNACK 0x01 until its core speaks 5.0: the 3.1.1-only decoder says so.
        PacketDecoder decoder = new PacketDecoder(1 << 20);
        var in = Unpooled.wrappedBuffer(Frames.connect(""));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(in, ProtocolVersion.MQTT_3_1_1))
                    .isInstanceOf(UnsupportedProtocolVersionException.class);
        } finally {
            in.release();
        }
    }

    @Test
    void decode_passwordWithoutUserName_isAllowedInMqtt5() {
        // 3.1.2.9: unlike 3.1.1, MQTT 5 allows a password without a user name
        Connect connect = (Connect) V5.decode(Frames.packet(0x10, "00 04 4D 51 54 54 05 42 00 3C 00 00 02 63 31",
                "00 01 70"));

        assertThat(connect.username()).isNull();
        assertThat(connect.password()).containsExactly('p');
    }

    @Test
    void decode_repeatedUserProperties_keepsThemAllInOrder() {
        // [MQTT-3.1.3-10] (order kept) and 2.2.2.2: the user property may appear more than once, same name too
        Connect connect = (Connect) V5.decode(Frames.connect("26 00 01 6B 00 01 31 26 00 01 6B 00 01 32"));

        assertThat(connect.properties().userProperties())
                .containsExactly(new UserProperty("k", "1"), new UserProperty("k", "2"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            0A | MALFORMED_PACKET | [MQTT-3.1.2-11] will QoS 1 without the will flag
            01 | MALFORMED_PACKET | [MQTT-3.1.2-3] reserved flag set
            22 | MALFORMED_PACKET | [MQTT-3.1.2-13] will retain without the will flag
            1E | MALFORMED_PACKET | [MQTT-3.1.2-12] will QoS 3
            """)
    void decode_badConnectFlags_isRejected(String flags, ReasonCode expected, String why) {
        V5.assertRejected(Frames.packet(0x10, "00 04 4D 51 54 54 05", flags, "00 3C 00 00 02 63 31"
                + ("1E".equals(flags) ? " 00 00 01 77 00 00" : "")), expected);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            23 00 01                        | MALFORMED_PACKET | 2.2.2.2 topic alias is not a CONNECT property
            18 00 00 00 05                  | MALFORMED_PACKET | 2.2.2.2 will delay belongs to the will properties
            00                              | MALFORMED_PACKET | 2.2.2.2 identifier 0 is not defined
            7F 01                           | MALFORMED_PACKET | 2.2.2.2 identifier 127 is not defined
            80 80 80 80 01                  | MALFORMED_PACKET | 1.5.5 property identifier of five bytes
            11 00 00                        | MALFORMED_PACKET | four-byte integer cut by the property length
            11 00 00 00 01 11 00 00 00 02   | PROTOCOL_ERROR   | 3.1.2.11.2 session expiry interval twice
            21 00 01 21 00 01               | PROTOCOL_ERROR   | 3.1.2.11.3 receive maximum twice
            21 00 00                        | PROTOCOL_ERROR   | 3.1.2.11.3 receive maximum 0
            27 00 00 00 00                  | PROTOCOL_ERROR   | 3.1.2.11.4 maximum packet size 0
            27 00 00 00 01 27 00 00 00 01   | PROTOCOL_ERROR   | 3.1.2.11.4 maximum packet size twice
            22 00 01 22 00 01               | PROTOCOL_ERROR   | 3.1.2.11.5 topic alias maximum twice
            19 02                           | PROTOCOL_ERROR   | 3.1.2.11.6 request response information 2
            17 02                           | PROTOCOL_ERROR   | 3.1.2.11.7 request problem information 2
            17 01 17 01                     | PROTOCOL_ERROR   | 3.1.2.11.7 request problem information twice
            15 00 01 41 15 00 01 41         | PROTOCOL_ERROR   | 3.1.2.11.9 authentication method twice
            16 00 00 16 00 00               | PROTOCOL_ERROR   | 3.1.2.11.10 authentication data twice
            26 00 01 00 00 01 76            | MALFORMED_PACKET | [MQTT-1.5.4-2] [MQTT-1.5.7-1] U+0000 in a user property name
            26 00 01 6B 00 01 FF            | MALFORMED_PACKET | [MQTT-1.5.4-1] [MQTT-1.5.7-1] invalid UTF-8 in a user property value
            26 00 01 6B 00 03 ED A0 80      | MALFORMED_PACKET | [MQTT-1.5.4-1] encoded surrogate in a user property value
            15 00 02 C0 AF                  | MALFORMED_PACKET | [MQTT-1.5.4-1] overlong UTF-8 in the authentication method
            """)
    void decode_badConnectProperty_isRejected(String properties, ReasonCode expected, String why) {
        V5.assertRejected(Frames.connect(properties), expected);
    }

    @Test
    void decode_propertyLengthBeyondTheRemainingLength_isMalformed() {
        // 2.2.2.1: the property length (5) exceeds the 4 bytes left in the packet
        V5.assertRejected(Frames.packet(0x10, "00 04 4D 51 54 54 05 02 00 3C 05 00 02 63 31"),
                ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_propertyLengthOfFiveBytes_isMalformed() {
        // 1.5.5: a variable byte integer takes at most four bytes
        V5.assertRejected(Frames.packet(0x10, "00 04 4D 51 54 54 05 02 00 3C 80 80 80 80 00 00 02 63 31"),
                ReasonCode.MALFORMED_PACKET);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            11 00 00 00 01          | MALFORMED_PACKET | 2.2.2.2 session expiry is not a will property
            18 00 00 00 01 18 00 00 00 01 | PROTOCOL_ERROR | 3.1.3.2.2 will delay interval twice
            01 02                   | PROTOCOL_ERROR   | 3.1.3.2.3 payload format indicator 2
            02 00 00 00 01 02 00 00 00 01 | PROTOCOL_ERROR | 3.1.3.2.4 message expiry interval twice
            03 00 01 61 03 00 01 61 | PROTOCOL_ERROR   | 3.1.3.2.5 content type twice
            08 00 03 61 2F 23       | PROTOCOL_ERROR   | [MQTT-3.3.2-14] response topic with a wildcard
            09 00 00 09 00 00       | PROTOCOL_ERROR   | 3.1.3.2.7 correlation data twice
            03 00 01 00             | MALFORMED_PACKET | [MQTT-1.5.4-2] U+0000 in the content type
            """)
    void decode_badWillProperty_isRejected(String properties, ReasonCode expected, String why) {
        V5.assertRejected(Frames.connectWithWill(properties), expected);
    }

    @Test
    void decode_willWithoutProperties_hasEmptyWillProperties() {
        Connect connect = (Connect) V5.decode(Frames.connectWithWill(""));

        assertThat(connect.will()).isNotNull();
        assertThat(connect.will().properties()).isEqualTo(WillProperties.EMPTY);
    }
}
