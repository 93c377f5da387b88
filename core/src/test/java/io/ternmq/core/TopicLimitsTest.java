package io.ternmq.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicLimitsTest {

    @Test
    void exceededBy_withinLimits_null() {
        TopicLimits limits = new TopicLimits(6, 3, 1);

        assertThat(limits.exceededBy("a/b/c")).isNull();
        assertThat(limits.exceededBy("ééé")).isNull(); // 6 bytes
        assertThat(limits.exceededBy("//")).isNull(); // three empty levels
    }

    @Test
    void exceededBy_tooLongInBytesOrTooDeep_saysWhich() {
        TopicLimits limits = new TopicLimits(6, 3, 1);

        assertThat(limits.exceededBy("éééé")).isEqualTo("topic longer than 6 bytes");
        assertThat(limits.exceededBy("///")).isEqualTo("topic with more than 3 levels");
    }

    @Test
    void protocolLimits_anyValidTopic_within() {
        assertThat(TopicLimits.PROTOCOL.exceededBy("a/".repeat(30_000) + "b")).isNull();
        assertThat(TopicLimits.DEFAULTS.exceededBy("a/".repeat(128) + "b"))
                .isEqualTo("topic with more than 128 levels");
    }

    @Test
    void constructor_outOfRange_refused() {
        assertThatThrownBy(() -> new TopicLimits(0, 1, 1)).hasMessageContaining("maxTopicBytes");
        assertThatThrownBy(() -> new TopicLimits(70_000, 1, 1)).hasMessageContaining("maxTopicBytes");
        assertThatThrownBy(() -> new TopicLimits(1, 0, 1)).hasMessageContaining("maxTopicLevels");
        assertThatThrownBy(() -> new TopicLimits(1, 1, 0)).hasMessageContaining("maxSubscriptionsPerClient");
    }
}
