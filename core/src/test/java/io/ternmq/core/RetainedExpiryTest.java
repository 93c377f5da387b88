package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.memory.InMemoryRetainedMessageStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedExpiryTest {

    private final FakeClock clock = new FakeClock();
    private final InMemoryRetainedMessageStore store = new InMemoryRetainedMessageStore();
    private final RetainedIndex index = new RetainedIndex(store, clock);

    private RetainedMessage expiringIn(String topic, long millis) {
        return new RetainedMessage(topic, topic.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE,
                PublishProperties.EMPTY, Instant.ofEpochMilli(clock.currentTimeMillis() + millis));
    }

    private List<String> matching(String filter) {
        List<String> topics = new ArrayList<>();
        index.forEachMatching(filter, m -> topics.add(m.topic()));
        return topics;
    }

    @Test
    void forEachMatching_expiryPassed_notSentToNewSubscribers() {
        // [MQTT-3.3.2-5] a retained message whose expiry has passed is not delivered
        index.retain(expiringIn("a/short", 1_000));
        index.retain(expiringIn("a/long", 5_000));
        index.retain(new RetainedMessage("a/never", new byte[]{1}, Qos.AT_MOST_ONCE));

        assertThat(matching("a/#")).containsExactlyInAnyOrder("a/short", "a/long", "a/never");
        clock.advance(Duration.ofMillis(1_000));
        assertThat(matching("a/#")).containsExactlyInAnyOrder("a/long", "a/never");
        clock.advance(Duration.ofHours(1));
        assertThat(matching("a/#")).containsExactly("a/never");
    }

    @Test
    void forEachMatching_expiredMessageFound_removedFromIndexAndStore() {
        index.retain(expiringIn("a/short", 1_000));
        clock.advance(Duration.ofSeconds(1));

        assertThat(matching("a/#")).isEmpty();

        assertThat(index.size()).isZero();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void forEachMatching_replacedAfterExpiry_newMessageKept() {
        index.retain(expiringIn("a/t", 1_000));
        clock.advance(Duration.ofSeconds(1));
        index.retain(expiringIn("a/t", 60_000));

        assertThat(matching("a/#")).containsExactly("a/t");
        assertThat(store.all()).hasSize(1);
    }
}
