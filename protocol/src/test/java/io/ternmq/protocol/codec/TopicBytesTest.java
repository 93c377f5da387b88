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

    /** [MQTT-1.5.4-2] a topic the broker cannot send (U+0000) is refused by the encoder, every time. */
    @Test
    void topicWithNullCharacter_refused() {
        String bad = "a" + '\u0000' + "b";
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> TopicBytes.of(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
        }
    }
}
