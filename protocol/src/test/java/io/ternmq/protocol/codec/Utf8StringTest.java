package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Unsubscribe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UTF-8 strings (1.5.3), checked through a PUBLISH topic, on heap and direct buffers (see Codec). */
class Utf8StringTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00                | U+0000
            61 00             | U+0000
            c0 80             | byte 0xC0 cannot start a character
            c1 bf             | byte 0xC1 cannot start a character
            e0 80 80          | overlong encoding
            e0 9f bf          | overlong encoding
            f0 80 80 80       | overlong encoding
            f0 8f bf bf       | overlong encoding
            ed a0 80          | encoded surrogate
            ed bf bf          | encoded surrogate
            ed a0 bd ed b8 80 | encoded surrogate
            80                | byte 0x80 cannot start a character
            bf                | byte 0xBF cannot start a character
            c3                | sequence cut short
            e2 82             | sequence cut short
            f0 9f 98          | sequence cut short
            c3 28             | bad continuation byte
            e2 28 a1          | bad continuation byte
            e2 82 28          | bad continuation byte
            f0 9f 28 80       | bad continuation byte
            f4 90 80 80       | bad continuation byte
            f5 80 80 80       | byte 0xF5 cannot start a character
            ff                | byte 0xFF cannot start a character
            """)
    void decode_illFormedTopic_isMalformedNamingTheFault(String topicHex, String fault) {
        // [MQTT-1.5.3-1] well-formed UTF-8, no overlongs, no surrogates; [MQTT-1.5.3-2] no U+0000
        assertThat(decodeError(publishWithTopic(Hex.bytes(topicHex))))
                .hasMessageStartingWith("topic name: ")
                .hasMessageContaining(fault);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            61 2f 62                | a/b
            c2 80                   | \u0080
            df bf                   | \u07ff
            e0 a0 80                | \u0800
            ed 9f bf                | \ud7ff
            ee 80 80                | \ue000
            ef bf bd                | \ufffd
            f0 90 80 80             | \ud800\udc00
            f4 8f bf bf             | \udbff\udfff
            63 61 66 c3 a9          | caf\u00e9
            """)
    void decode_wellFormedTopic_decodesToTheCharacters(String topicHex, String expected) {
        // [MQTT-1.5.3-1] boundaries of each sequence length, surrogates excluded
        Publish publish = (Publish) decode(publishWithTopic(Hex.bytes(topicHex)));
        assertThat(publish.topic()).isEqualTo(expected);
    }

    @Test
    void decode_byteOrderMark_isKeptInTheString() {
        // [MQTT-1.5.3-3] EF BB BF is U+FEFF and is neither skipped nor stripped
        Publish publish = (Publish) decode(publishWithTopic(Hex.bytes("ef bb bf 61")));
        assertThat(publish.topic()).isEqualTo("\uFEFFa");
    }

    @Test
    void decode_nonAsciiAfterLongAsciiPrefix_isValidatedFromThere() {
        byte[] topic = ("x".repeat(100) + "\u00e9").getBytes(StandardCharsets.UTF_8);
        assertThat(((Publish) decode(publishWithTopic(topic))).topic()).endsWith("x\u00e9");
        topic[topic.length - 1] = 0x41;
        assertThat(decodeError(publishWithTopic(topic))).hasMessageContaining("invalid UTF-8 at byte 100");
    }

    @Test
    void decode_randomValidStrings_matchTheJdkDecoder() {
        Random random = new Random(1_5_3L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder("t");
            int length = random.nextInt(20);
            while (text.length() < length) {
                int codePoint = 1 + random.nextInt(0x10FFFF);
                if (codePoint < 0xD800 || codePoint > 0xDFFF) {
                    text.appendCodePoint(codePoint);
                }
            }
            String expected = text.toString().replace('+', '.').replace('#', '.');
            byte[] topic = expected.getBytes(StandardCharsets.UTF_8);
            assertThat(((Publish) decode(publishWithTopic(topic))).topic()).isEqualTo(expected);
        }
    }

    @Test
    void encode_loneSurrogate_isRejected() {
        // [MQTT-1.5.3-1] a lone surrogate has no UTF-8 form
        Publish publish = new Publish("a\uD800", Qos.AT_MOST_ONCE, false, false, 0, new byte[0]);
        assertThatThrownBy(() -> Codec.ENCODER.encodedSize(publish, ProtocolVersion.MQTT_3_1_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone surrogate");
    }

    @Test
    void encode_nullCharacter_isRejected() {
        // [MQTT-1.5.3-2]
        Unsubscribe unsubscribe = new Unsubscribe(1, List.of("a\u0000"));
        assertThatThrownBy(() -> Codec.encode(unsubscribe))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
    }

    /** A QoS 0 PUBLISH whose topic is the given bytes and whose payload is empty. */
    static byte[] publishWithTopic(byte[] topic) {
        byte[] bytes = new byte[4 + topic.length];
        bytes[0] = 0x30;
        bytes[1] = (byte) (2 + topic.length);
        bytes[2] = 0;
        bytes[3] = (byte) topic.length;
        System.arraycopy(topic, 0, bytes, 4, topic.length);
        return bytes;
    }
}
