package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishV5CodecTest {

    @Test
    void codec_publishWithEveryProperty_matchesTheBytesBothWays() {
        // [MQTT-3.3.2-1] topic first; properties after the packet identifier; [MQTT-3.3.4-4] several
        // subscription identifiers; [MQTT-3.3.2-18] user properties in order
        PublishProperties properties = new PublishProperties(PayloadFormat.UTF8, 30L, 7, "r/1",
                new byte[] {1, 2}, List.of(new UserProperty("b", "2"), new UserProperty("a", "1")), List.of(3, 200),
                "text/plain");
        Publish publish = new Publish("a/b", Qos.EXACTLY_ONCE, true, true, 10, new byte[] {'h', 'i'}, properties);

        V5.assertBothWays("""
                3D 3F                          // PUBLISH, DUP, QoS 2, RETAIN; remaining length 63
                00 03 61 2F 62                 // topic "a/b"
                00 0A                          // packet identifier 10
                35                             // property length 53
                01 01                          // payload format indicator: UTF-8
                02 00 00 00 1E                 // message expiry interval 30
                03 00 0A 74 65 78 74 2F 70 6C 61 69 6E // content type "text/plain"
                08 00 03 72 2F 31              // response topic "r/1"
                09 00 02 01 02                 // correlation data 01 02
                0B 03                          // subscription identifier 3
                0B C8 01                       // subscription identifier 200 (two bytes)
                23 00 07                       // topic alias 7
                26 00 01 62 00 01 32           // user property b=2
                26 00 01 61 00 01 31           // user property a=1
                68 69                          // payload "hi"
                """, publish);
    }

    @Test
    void codec_qos0PublishWithoutProperties_hasNoPacketIdAndPropertyLengthZero() {
        // [MQTT-2.2.1-2] no packet identifier at QoS 0; [MQTT-2.2.2-1] property length 0
        V5.assertBothWays("""
                30 07                  // PUBLISH QoS 0, remaining length 7
                00 03 61 2F 62         // topic "a/b"
                00                     // property length 0
                78                     // payload "x"
                """, new Publish("a/b", Qos.AT_MOST_ONCE, false, false, 0, new byte[] {'x'}));
    }

    @Test
    void decode_emptyTopicWithTopicAlias_isAccepted() {
        // 3.3.2.3.4: a zero-length topic name with a topic alias uses the alias' topic
        Publish publish = (Publish) V5.decode(Frames.packet(0x30, "00 00", Frames.properties("23 00 01"), "01"));

        assertThat(publish.topic()).isEmpty();
        assertThat(publish.properties().topicAlias()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            23 00 00                      | TOPIC_ALIAS_INVALID | [MQTT-3.3.2-8] topic alias 0
            23 00 01 23 00 02             | PROTOCOL_ERROR   | 3.3.2.3.4 topic alias twice
            0B 00                         | PROTOCOL_ERROR   | 3.8.2.1.2 subscription identifier 0
            0B 80 80 80 80 01             | MALFORMED_PACKET | 1.5.5 subscription identifier of five bytes
            01 02                         | PROTOCOL_ERROR   | 3.3.2.3.2 payload format indicator 2
            01 00 01 00                   | PROTOCOL_ERROR   | 3.3.2.3.2 payload format indicator twice
            02 00 00 00 01 02 00 00 00 01 | PROTOCOL_ERROR   | 3.3.2.3.3 message expiry interval twice
            08 00 01 2B                   | PROTOCOL_ERROR   | [MQTT-3.3.2-14] response topic "+"
            08 00 01 72 08 00 01 72       | PROTOCOL_ERROR   | 3.3.2.3.5 response topic twice
            09 00 00 09 00 00             | PROTOCOL_ERROR   | 3.3.2.3.6 correlation data twice
            03 00 01 74 03 00 01 74       | PROTOCOL_ERROR   | 3.3.2.3.9 content type twice
            03 00 02 C3 28                | MALFORMED_PACKET | [MQTT-3.3.2-19] [MQTT-1.5.4-1] content type with invalid UTF-8
            11 00 00 00 01                | MALFORMED_PACKET | 2.2.2.2 session expiry is not a PUBLISH property
            1F 00 01 61                   | MALFORMED_PACKET | 2.2.2.2 reason string is not a PUBLISH property
            18 00 00 00 01                | MALFORMED_PACKET | 2.2.2.2 will delay is a will property only
            26 00 01 61                   | MALFORMED_PACKET | user property cut by the property length
            """)
    void decode_badPublishProperty_isRejected(String properties, ReasonCode expected, String why) {
        V5.assertRejected(Frames.publish(properties), expected);
    }

    @Test
    void decode_emptyTopicWithoutTopicAlias_isProtocolError() {
        // 3.3.2.3.4: a zero-length topic name without a topic alias is a Protocol Error
        V5.assertRejected(Frames.packet(0x30, "00 00 00 01"), ReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void decode_topicWithWildcard_isMalformed() {
        // [MQTT-3.3.2-2]
        V5.assertRejected(Frames.packet(0x30, "00 01 23 00"), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_qos0WithDup_isMalformed() {
        // [MQTT-3.3.1-2]
        V5.assertRejected(Frames.packet(0x38, "00 01 61 00"), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_qos3_isMalformed() {
        // [MQTT-3.3.1-4]
        V5.assertRejected(Frames.packet(0x36, "00 01 61 00 01 00"), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_packetIdZero_isMalformed() {
        // [MQTT-2.2.1-3] a QoS 1 PUBLISH has a non-zero packet identifier
        V5.assertRejected(Frames.packet(0x32, "00 01 61 00 00 00"), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_bomInTopic_isKept() {
        // [MQTT-1.5.4-3] EF BB BF decodes to U+FEFF and is not stripped
        Publish publish = (Publish) V5.decode(Frames.packet(0x30, "00 04 EF BB BF 61 00"));

        assertThat(publish.topic()).isEqualTo("\uFEFFa");
    }
}
