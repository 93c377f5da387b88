package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.protocol.UnsubscribeProperties;
import io.ternmq.protocol.UserProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscribeV5CodecTest {

    @Test
    void codec_subscribeWithOptionsAndProperties_matchesTheBytesBothWays() {
        // [MQTT-3.8.1-1] flags 0010; [MQTT-3.8.3-1] filters are UTF-8 strings; 3.8.3.1 options byte
        Subscribe subscribe = new Subscribe(9, List.of(
                new TopicSubscription("a/+", Qos.AT_LEAST_ONCE, true, false, RetainHandling.SEND_IF_NEW_SUBSCRIPTION),
                new TopicSubscription("#", Qos.EXACTLY_ONCE, false, true, RetainHandling.DO_NOT_SEND),
                new TopicSubscription("x", Qos.AT_MOST_ONCE)),
                new SubscribeProperties(268_435_455, List.of(new UserProperty("k", "v"))));

        V5.assertBothWays("""
                82 1D                  // SUBSCRIBE, flags 0010, remaining length 29
                00 09                  // packet identifier 9
                0C                     // property length 12
                0B FF FF FF 7F         // subscription identifier 268435455 (four bytes)
                26 00 01 6B 00 01 76   // user property k=v
                00 03 61 2F 2B         // filter "a/+"
                15                     // retain handling 1, no local, QoS 1
                00 01 23               // filter "#"
                2A                     // retain handling 2, retain as published, QoS 2
                00 01 78               // filter "x"
                00                     // all options 0, QoS 0
                """, subscribe);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [MQTT-3.8.3-5] reserved bit 6 set             | 40 | MALFORMED_PACKET
            [MQTT-3.8.3-5] reserved bit 7 set             | 80 | MALFORMED_PACKET
            3.8.3.1 maximum QoS 3                         | 03 | MALFORMED_PACKET
            3.8.3.1 retain handling 3                     | 30 | PROTOCOL_ERROR
            """)
    void decode_badSubscriptionOptions_isRejected(String why, String options, ReasonCode expected) {
        V5.assertRejected(Frames.packet(0x82, "00 01 00 00 01 61", options), expected);
    }

    @Test
    void decode_noLocalOnSharedSubscription_isProtocolError() {
        // [MQTT-3.8.3-4] "$share/g/a" with no local
        V5.assertRejected(Frames.packet(0x82, "00 01 00 00 0A 24 73 68 61 72 65 2F 67 2F 61 04"),
                ReasonCode.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            3.8.2.1.2 subscription identifier 0       | 0B 00          | PROTOCOL_ERROR
            3.8.2.1.2 subscription identifier twice   | 0B 01 0B 02    | PROTOCOL_ERROR
            2.2.2.2 topic alias in SUBSCRIBE          | 23 00 01       | MALFORMED_PACKET
            2.2.2.2 reason string in SUBSCRIBE        | 1F 00 00       | MALFORMED_PACKET
            """)
    void decode_badSubscribeProperty_isRejected(String why, String properties, ReasonCode expected) {
        V5.assertRejected(Frames.packet(0x82, "00 01", Frames.properties(properties), "00 01 61 00"), expected);
    }

    @Test
    void decode_subscribeWithoutFilter_isProtocolError() {
        // [MQTT-3.8.3-2]
        V5.assertRejected(Frames.packet(0x82, "00 01 00"), ReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void decode_subscribeWithWrongFlags_isMalformed() {
        // [MQTT-3.8.1-1]
        V5.assertRejected(Frames.packet(0x80, "00 01 00 00 01 61 00"), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void codec_subackWithReasonCodes_matchesTheBytesBothWays() {
        // [MQTT-3.9.3-1] one code per filter in order; [MQTT-3.9.3-2] subscribe reason codes
        V5.assertBothWays("""
                90 0C                  // SUBACK, remaining length 12
                00 09                  // packet identifier 9
                05                     // property length 5
                1F 00 02 6E 6F         // reason string "no"
                01                     // granted QoS 1
                87                     // not authorized
                A2                     // wildcard subscriptions not supported
                9E                     // shared subscriptions not supported
                """, new Suback(9, List.of(0x01, 0x87, 0xA2, 0x9E), new AckProperties("no", List.of())));
    }

    @Test
    void decode_subackWithUnsubscribeOnlyCode_isMalformed() {
        // [MQTT-3.9.3-2] 0x11 (no subscription existed) is not a SUBACK reason code
        V5.assertRejected(Frames.packet(0x90, "00 09 00 11"), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void codec_unsubscribe_matchesTheBytesBothWays() {
        // [MQTT-3.10.1-1] flags 0010; [MQTT-3.10.3-1]
        V5.assertBothWays("""
                A2 0F                  // UNSUBSCRIBE, flags 0010, remaining length 15
                00 0A                  // packet identifier 10
                07                     // property length 7
                26 00 01 6B 00 01 76   // user property k=v
                00 03 61 2F 23         // filter "a/#"
                """, new Unsubscribe(10, List.of("a/#"),
                new UnsubscribeProperties(List.of(new UserProperty("k", "v")))));
    }

    @Test
    void decode_unsubscribeWithoutFilterOrWithForeignProperty_isRejected() {
        V5.assertRejected(Frames.packet(0xA2, "00 0A 00"), ReasonCode.PROTOCOL_ERROR); // [MQTT-3.10.3-2]
        // 2.2.2.2 a subscription identifier is not an UNSUBSCRIBE property
        V5.assertRejected(Frames.packet(0xA2, "00 0A 02 0B 01 00 01 61"), ReasonCode.MALFORMED_PACKET);
        V5.assertRejected(Frames.packet(0xA0, "00 0A 00 00 01 61"), ReasonCode.MALFORMED_PACKET); // [MQTT-3.10.1-1]
    }

    @Test
    void codec_unsuback_matchesTheBytesBothWays() {
        // [MQTT-3.11.3-1] [MQTT-3.11.3-2]
        V5.assertBothWays("""
                B0 05                  // UNSUBACK, remaining length 5
                00 0A                  // packet identifier 10
                00                     // property length 0
                00                     // success
                11                     // no subscription existed
                """, new Unsuback(10, List.of(0x00, 0x11), AckProperties.EMPTY));
    }

    @Test
    void decode_unsubackWithBadCode_isMalformed() {
        // [MQTT-3.11.3-2] 0x01 is a SUBACK code, not an UNSUBACK one
        V5.assertRejected(Frames.packet(0xB0, "00 0A 00 01"), ReasonCode.MALFORMED_PACKET);
        assertThat(V5.decodeError(Frames.packet(0xB0, "00 0A 00")).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }
}
