package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentTopicsTest {

    private static String decode(String topic, boolean direct) {
        byte[] bytes = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = direct ? Unpooled.directBuffer(bytes.length + 3) : Unpooled.buffer(bytes.length + 3);
        try {
            buf.writeBytes(new byte[] {9, 9, 9}).writeBytes(bytes);
            return RecentTopics.decode(buf, 3, bytes.length, "topic name");
        } finally {
            buf.release();
        }
    }

    @Test
    void sameTopicAgain_decodesToTheSameString() {
        String first = decode("home/kitchen/temp", true);
        String second = decode("home/kitchen/temp", false);

        assertThat(first).isEqualTo("home/kitchen/temp");
        assertThat(second).isSameAs(first);
    }

    @Test
    void utf8Topic_decodedAndReused() {
        String first = decode("Zürich/Straße/温度", true);

        assertThat(first).isEqualTo("Zürich/Straße/温度");
        assertThat(decode("Zürich/Straße/温度", true)).isSameAs(first);
    }

    /** [MQTT-1.5.4-2] a topic with U+0000 is refused each time: a refused topic is never cached. */
    @Test
    void malformedTopic_refusedEveryTime() {
        byte[] bad = {'a', 0, 'b'};
        for (int attempt = 0; attempt < 2; attempt++) {
            ByteBuf buf = Unpooled.wrappedBuffer(bad);
            assertThatThrownBy(() -> RecentTopics.decode(buf, 0, bad.length, "topic name"))
                    .isInstanceOf(MalformedPacketException.class)
                    .hasMessageContaining("U+0000");
        }
    }

    @Test
    void topicLongerThanTheCachedLimit_decodedEveryTime() {
        String longTopic = "a/".repeat(RecentTopics.MAX_CACHED_BYTES) + "z";

        assertThat(decode(longTopic, true)).isEqualTo(longTopic);
        assertThat(decode(longTopic, true)).isEqualTo(longTopic);
    }

    /** Thousands of topics in 512 slots: each decodes to its own text whatever it evicted or shares a slot with. */
    @Test
    void manyTopicsThroughFewSlots_eachDecodesToItself() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            topics.add("site/" + random.nextInt(100) + "/dev/" + i + (i % 3 == 0 ? "/é" : "/temp"));
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < 20_000; i++) {
                String topic = topics.get(random.nextInt(topics.size()));
                assertThat(decode(topic, i % 2 == 0)).isEqualTo(topic);
            }
        }
    }

    /**
     * A topic's slot and comparison depend on its bytes only, not on the bytes past its end (other topics here): a
     * short topic decoded again after longer ones is still found, at every length around a whole word.
     */
    @Test
    void shortTopicAfterLongerOnes_foundAgain() {
        for (int length = 1; length <= 17; length++) {
            String topic = "t".repeat(length);
            String first = decode(topic, true);
            decode("x/".repeat(40) + length, true);
            decode("y".repeat(length + 3), false);

            assertThat(decode(topic, false)).as("length %d", length).isSameAs(first);
        }
    }

    /** Topics of one pattern, a device number apart, spread over the slots rather than piling into a few. */
    @Test
    void similarTopics_spreadOverTheSlots() {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            first.add(decode("bench-1/fan-in/" + i, true));
        }
        int kept = 0;
        for (int i = 0; i < 64; i++) {
            if (decode("bench-1/fan-in/" + i, false) == first.get(i)) {
                kept++;
            }
        }
        assertThat(kept).as("of 64 topics in 512 slots, still cached").isGreaterThanOrEqualTo(48);
    }
}
