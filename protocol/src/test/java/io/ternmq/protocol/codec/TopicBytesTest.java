package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopicBytesTest {

    @Test
    void sameString_convertedOnce() {
        String topic = "home/" + "kitchen"; // a String of its own, not the constant

        assertThat(TopicBytes.of(topic)).isSameAs(TopicBytes.of(topic));
        assertThat(TopicBytes.of(topic)).isEqualTo("home/kitchen".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void interleavedTopics_eachKeepsItsBytes() {
        String[] topics = new String[200];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = "pair/" + i + "/ü";
        }
        for (int round = 0; round < 3; round++) {
            for (String topic : topics) {
                assertThat(TopicBytes.of(topic)).isEqualTo(topic.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Fifty publishers' topics taking turns: nearly all stay converted (64 slots kept about two thirds). */
    @Test
    void fiftyTopicsInTurn_mostConvertedOnce() {
        String[] topics = new String[50];
        byte[][] first = new byte[topics.length][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = "bench-1/fan-in/" + i;
            first[i] = TopicBytes.of(topics[i]);
        }
        int kept = 0;
        for (int i = 0; i < topics.length; i++) {
            if (TopicBytes.of(topics[i]) == first[i]) {
                kept++;
            }
        }
        assertThat(kept).isGreaterThanOrEqualTo(44);
    }

    /** [MQTT-1.5.4-2] a topic the broker cannot send (U+0000) is refused by the encoder, every time. */
    @Test
    void topicWithNullCharacter_refused() {
        String bad = "a" + '\u0000' + "b";
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> TopicBytes.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+0000");
        }
    }
}
