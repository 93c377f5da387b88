package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscribeCodecTest {

    private static final byte[] TWO_FILTERS = Hex.bytes("""
            82                  // SUBSCRIBE, flags 0010 [MQTT-3.8.1-1]
            0e                  // remaining length 14
            00 0a               // packet identifier 10
            00 03 61 2f 62      // topic filter "a/b"
            01                  // requested QoS 1
            00 03 63 2f 23      // topic filter "c/#"
            02                  // requested QoS 2
            """);

    private static final Subscribe TWO_FILTERS_PACKET = new Subscribe(10, List.of(
            new TopicSubscription("a/b", Qos.AT_LEAST_ONCE), new TopicSubscription("c/#", Qos.EXACTLY_ONCE)));

    @Test
    void decode_twoFilters_keepsTheirOrder() {
        // [MQTT-3.8.3-1] filters are UTF-8 strings, each followed by its requested QoS
        Codec.assertSamePacket(decode(TWO_FILTERS), TWO_FILTERS_PACKET);
    }

    @Test
    void encode_twoFilters_writesTheLiteral() {
        assertThat(encode(TWO_FILTERS_PACKET)).isEqualTo(TWO_FILTERS);
    }

    @Test
    void codec_wildcardOnlyFilters_roundTrip() {
        byte[] bytes = Hex.bytes("""
                82 0a               // SUBSCRIBE, remaining length 10
                00 01               // packet identifier 1
                00 01 2b            // topic filter "+"
                00                  // requested QoS 0
                00 01 23            // topic filter "#"
                00                  // requested QoS 0
                """);
        Subscribe packet = new Subscribe(1, List.of(
                new TopicSubscription("+", Qos.AT_MOST_ONCE), new TopicSubscription("#", Qos.AT_MOST_ONCE)));
        Codec.assertSamePacket(decode(bytes), packet);
        assertThat(encode(packet)).isEqualTo(bytes);
    }

    @Test
    void decode_flags0000_isMalformed() {
        // [MQTT-3.8.1-1] [MQTT-2.2.2-2]
        byte[] bytes = TWO_FILTERS.clone();
        bytes[0] = (byte) 0x80;
        assertThat(decodeError(bytes)).hasMessageContaining("SUBSCRIBE fixed header flags must be 0010, got 0000");
    }

    @Test
    void decode_noFilter_isProtocolError() {
        // [MQTT-3.8.3-3]
        MalformedPacketException e = decodeError(Hex.bytes("82 02  00 01  // packet identifier 1, no payload"));
        assertThat(e).hasMessageContaining("SUBSCRIBE has no topic filter");
        assertThat(e.reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03", "04", "81", "fc", "ff"})
    void decode_requestedQosReservedBitsOrQos3_isMalformed(String qosByte) {
        // [MQTT-3.8.3-4]
        byte[] bytes = Hex.bytes("82 06  00 01  00 01 74  " + qosByte + " // filter \"t\", bad QoS byte");
        assertThat(decodeError(bytes)).hasMessageContaining("requested QoS byte");
    }

    @Test
    void decode_missingQosByte_isMalformed() {
        assertThat(decodeError(Hex.bytes("82 05  00 01  00 01 74  // filter \"t\" without its QoS byte")))
                .hasMessageContaining("requested QoS needs 1 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00 02 61 23",          // "a#"    [MQTT-4.7.1-2]
            "00 03 23 2f 61",       // "#/a"   [MQTT-4.7.1-2]
            "00 02 61 2b",          // "a+"    [MQTT-4.7.1-3]
            "00 03 2b 2b 2f",       // "++/"   [MQTT-4.7.1-3]
            "00 00"})               // ""      [MQTT-4.7.3-1]
    void decode_invalidFilter_isMalformed(String filter) {
        byte[] body = Hex.bytes("00 01 " + filter + " 00");
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0x82;
        bytes[1] = (byte) body.length;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(decodeError(bytes)).hasMessageContaining("topic filter").hasMessageContaining("is invalid");
    }

    @Test
    void decode_packetId0_isMalformed() {
        // [MQTT-2.3.1-1]
        assertThat(decodeError(Hex.bytes("82 06  00 00  00 01 74  00  // packet identifier 0")))
                .hasMessageContaining("SUBSCRIBE packet identifier must not be 0");
    }
}
