package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishCodecTest {

    private static final byte[] QOS0 = Hex.bytes("""
            30                  // PUBLISH, flags: DUP 0, QoS 0, RETAIN 0
            07                  // remaining length 7
            00 03 61 2f 62      // topic name "a/b"
                                // no packet identifier at QoS 0
            68 69               // payload "hi"
            """);

    private static final byte[] QOS1_RETAIN = Hex.bytes("""
            33                  // PUBLISH, flags: DUP 0, QoS 1, RETAIN 1
            09                  // remaining length 9
            00 03 61 2f 62      // topic name "a/b"
            00 0a               // packet identifier 10
            68 69               // payload "hi"
            """);

    private static final byte[] QOS2_DUP_EMPTY = Hex.bytes("""
            3c                  // PUBLISH, flags: DUP 1, QoS 2, RETAIN 0
            05                  // remaining length 5
            00 01 74            // topic name "t"
            ff ff               // packet identifier 65535
                                // empty payload
            """);

    @Test
    void decode_qos0_hasNoPacketId() {
        // [MQTT-2.3.1-5]; [MQTT-3.3.2-1] the topic name comes first
        Codec.assertSamePacket(decode(QOS0), new Publish("a/b", Qos.AT_MOST_ONCE, false, false, 0, bytes("hi")));
    }

    @Test
    void encode_qos0_writesTheLiteral() {
        assertThat(encode(new Publish("a/b", Qos.AT_MOST_ONCE, false, false, 0, bytes("hi")))).isEqualTo(QOS0);
    }

    @Test
    void encode_sameTopicInstanceForManySubscribers_writesTheLiteralEachTime() {
        // a fan-out encodes one topic String per subscriber; its bytes are converted once and reused
        String topic = new String("a/b");
        for (int packetId = 1; packetId <= 3; packetId++) {
            byte[] expected = Hex.bytes("""
                    32 09           // PUBLISH, QoS 1; remaining length 9
                    00 03 61 2f 62  // topic name "a/b"
                    00 %02x         // packet identifier
                    68 69           // payload "hi"
                    """.formatted(packetId));
            assertThat(encode(new Publish(topic, Qos.AT_LEAST_ONCE, false, false, packetId, bytes("hi"))))
                    .isEqualTo(expected);
        }
    }

    @Test
    void encode_topicsAlternating_eachWrittenWithItsOwnUtf8() {
        // [MQTT-1.5.3-1] 2- and 3-byte sequences: "ä" = c3 a4, "€" = e2 82 ac
        byte[] umlaut = Hex.bytes("30 06 00 02 c3 a4 68 69");
        byte[] euro = Hex.bytes("30 07 00 03 e2 82 ac 68 69");
        for (int round = 0; round < 2; round++) {
            assertThat(encode(new Publish("ä", Qos.AT_MOST_ONCE, false, false, 0, bytes("hi")))).isEqualTo(umlaut);
            assertThat(encode(new Publish("€", Qos.AT_MOST_ONCE, false, false, 0, bytes("hi")))).isEqualTo(euro);
        }
    }

    @Test
    void codec_qos1Retained_roundTripsTheLiteral() {
        Publish packet = new Publish("a/b", Qos.AT_LEAST_ONCE, true, false, 10, bytes("hi"));
        Codec.assertSamePacket(decode(QOS1_RETAIN), packet);
        assertThat(encode(packet)).isEqualTo(QOS1_RETAIN);
    }

    @Test
    void codec_qos2DupEmptyPayload_roundTripsTheLiteral() {
        Publish packet = new Publish("t", Qos.EXACTLY_ONCE, false, true, 65_535, new byte[0]);
        Codec.assertSamePacket(decode(QOS2_DUP_EMPTY), packet);
        assertThat(encode(packet)).isEqualTo(QOS2_DUP_EMPTY);
    }

    @Test
    void codec_multiByteTopicAndLongPayload_useTwoLengthBytes() {
        byte[] payload = new byte[200];
        byte[] head = Hex.bytes("""
                30                      // PUBLISH QoS 0
                d4 01                   // remaining length 212 = 0x54 + 1 * 128
                00 0a                   // topic length 10 bytes
                63 61 66 c3 a9 2f       // "caf\u00e9/": the \u00e9 takes two bytes
                f0 9f 98 80             // U+1F600 in four bytes (a surrogate pair in Java)
                """);
        byte[] bytes = new byte[head.length + payload.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        Publish packet = new Publish("caf\u00e9/\uD83D\uDE00", Qos.AT_MOST_ONCE, false, false, 0, payload);
        Codec.assertSamePacket(decode(bytes), packet);
        assertThat(encode(packet)).isEqualTo(bytes);
    }

    @Test
    void decode_payload_isAnOwnedCopy() {
        ByteBuf in = Unpooled.copiedBuffer(QOS0);
        try {
            Publish publish = (Publish) Codec.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1);
            in.setByte(QOS0.length - 1, 'X');
            assertThat(publish.payload()).isEqualTo(bytes("hi"));
        } finally {
            in.release();
        }
    }

    @Test
    void decode_qos3_isMalformed() {
        // [MQTT-3.3.1-4]
        assertThat(decodeError(Hex.bytes("36 07  00 03 61 2f 62  00 01  // QoS bits 11")))
                .hasMessageContaining("QoS 3");
    }

    @Test
    void decode_dupAtQos0_isMalformed() {
        // [MQTT-3.3.1-2]
        assertThat(decodeError(Hex.bytes("38 05  00 03 61 2f 62  // DUP 1, QoS 0")))
                .hasMessageContaining("QoS 0 must have DUP 0");
    }

    @Test
    void decode_topicWithWildcard_isMalformed() {
        // [MQTT-3.3.2-2] [MQTT-4.7.1-1]
        assertThat(decodeError(Hex.bytes("30 05  00 03 61 2f 2b  // topic \"a/+\"")))
                .hasMessageContaining("wildcard");
        assertThat(decodeError(Hex.bytes("30 05  00 03 61 2f 23  // topic \"a/#\"")))
                .hasMessageContaining("wildcard");
    }

    @Test
    void decode_emptyTopic_isMalformed() {
        // [MQTT-4.7.3-1]
        assertThat(decodeError(Hex.bytes("30 03  00 00  21  // empty topic, payload \"!\"")))
                .hasMessageContaining("topic name is empty");
    }

    @Test
    void decode_topicWithNullCharacter_isMalformed() {
        // [MQTT-4.7.3-2] [MQTT-1.5.3-2]
        assertThat(decodeError(Hex.bytes("30 05  00 03 61 00 62  // topic \"a\\0b\"")))
                .hasMessageContaining("U+0000");
    }

    @Test
    void decode_packetId0_isMalformed() {
        // [MQTT-2.3.1-1]
        assertThat(decodeError(Hex.bytes("32 05  00 01 74  00 00  // QoS 1, packet identifier 0")))
                .hasMessageContaining("PUBLISH packet identifier must not be 0");
    }

    @Test
    void decode_remainingLengthShorterThanTopic_isMalformed() {
        assertThat(decodeError(Hex.bytes("30 03  00 03 61  // topic of 3 bytes in a body of 3")))
                .hasMessageContaining("topic name needs 3 bytes but the packet has 1 left");
    }

    @Test
    void decode_qos1WithoutPacketId_isMalformed() {
        // [MQTT-2.3.1-1]
        assertThat(decodeError(Hex.bytes("32 04  00 01 74  00  // one byte where the identifier needs two")))
                .hasMessageContaining("packet identifier needs 2 bytes");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
