package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishAckV5CodecTest {

    private static final AckProperties DIAGNOSTICS =
            new AckProperties("no", List.of(new UserProperty("k", "v")));

    @Test
    void codec_pubackShortForm_isThePacketIdentifierAlone() {
        // 3.4.2.1: remaining length 2 means success without properties; [MQTT-2.2.1-5]
        V5.assertBothWays("""
                40 02      // PUBACK, remaining length 2
                00 07      // packet identifier 7
                """, new Puback(7));
    }

    @Test
    void codec_pubrecWithReasonCodeOnly_omitsThePropertyLength() {
        // 3.5.2.2: remaining length 3, no property length; [MQTT-3.5.2-1] 0x10 is a PUBREC reason code
        V5.assertBothWays("""
                50 03      // PUBREC, remaining length 3
                00 07      // packet identifier 7
                10         // reason code: no matching subscribers
                """, new Pubrec(7, ReasonCode.NO_MATCHING_SUBSCRIBERS, AckProperties.EMPTY));
    }

    @Test
    void codec_pubrelWithProperties_hasEveryField() {
        // [MQTT-3.6.1-1] flags 0010; [MQTT-3.6.2-1] 0x92 is a PUBREL reason code
        V5.assertBothWays("""
                62 10                  // PUBREL, flags 0010, remaining length 16
                00 07                  // packet identifier 7
                92                     // reason code: packet identifier not found
                0C                     // property length 12
                1F 00 02 6E 6F         // reason string "no"
                26 00 01 6B 00 01 76   // user property k=v
                """, new Pubrel(7, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, DIAGNOSTICS));
    }

    @Test
    void codec_pubcompSuccessWithProperties_writesTheReasonCode() {
        // [MQTT-3.7.2-1]; the reason code is needed as soon as there are properties
        V5.assertBothWays("""
                70 10                  // PUBCOMP, remaining length 16
                00 07                  // packet identifier 7
                00                     // reason code success
                0C                     // property length 12
                1F 00 02 6E 6F         // reason string "no"
                26 00 01 6B 00 01 76   // user property k=v
                """, new Pubcomp(7, ReasonCode.SUCCESS, DIAGNOSTICS));
    }

    @Test
    void decode_pubackWithEmptyProperties_isSuccessWithoutProperties() {
        // 3.4.2.2: a property length of 0 is the same as none
        MqttPacket puback = V5.decode(V5.bytes("40 04 00 07 00 00"));

        V5.assertSamePacket(puback, new Puback(7));
    }

    @Test
    void withoutOptionalDiagnostics_puback_returnsToTheShortestForm() {
        // [MQTT-3.4.2-2] [MQTT-3.4.2-3] reason string and user properties are what may be left out
        Puback full = new Puback(7, ReasonCode.QUOTA_EXCEEDED, DIAGNOSTICS);

        assertThat(V5.hex(V5.encode(full.withoutOptionalDiagnostics()))).isEqualTo("40 03 00 07 97");
        assertThat(V5.ENCODER.encodedSize(full, ProtocolVersion.MQTT_5)).isEqualTo(2 + 16);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [MQTT-3.4.2-1] PUBACK 0x92                 | 40 03 00 07 92
            [MQTT-3.5.2-1] PUBREC 0x01                 | 50 03 00 07 01
            [MQTT-3.6.2-1] PUBREL 0x10                 | 62 03 00 07 10
            [MQTT-3.7.2-1] PUBCOMP 0x80                | 70 03 00 07 80
            [MQTT-3.6.1-1] PUBREL flags 0000           | 60 02 00 07
            [MQTT-2.1.3-1] PUBACK flags 0001           | 41 02 00 07
            [MQTT-2.2.1-5] packet identifier 0         | 40 02 00 00
            2.2.2.2 topic alias is not a PUBACK property | 40 07 00 07 00 03 23 00 01
            property length beyond the packet          | 40 05 00 07 00 05 1F
            """)
    void decode_badPublishAck_isMalformed(String why, String bytes) {
        V5.assertRejected(V5.bytes(bytes), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_reasonStringTwice_isProtocolError() {
        // 3.4.2.2.2: a reason string more than once is a Protocol Error
        V5.assertRejected(V5.bytes("40 0A 00 07 00 06 1F 00 00 1F 00 00"), ReasonCode.PROTOCOL_ERROR);
    }
}
