package io.ternmq.store.memory;

import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryRetainedMessageStoreTest {

    private final InMemoryRetainedMessageStore store = new InMemoryRetainedMessageStore();

    private static RetainedMessage message(String topic, String payload, Qos qos) {
        return new RetainedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    @Test
    void put_sameTopicTwice_keepsLatest() {
        // [MQTT-3.3.1-5] the server keeps the latest retained message of a topic
        store.put(message("a/b", "one", Qos.AT_LEAST_ONCE));
        store.put(message("a/b", "two", Qos.AT_MOST_ONCE));
        store.put(message("a/c", "three", Qos.EXACTLY_ONCE));

        assertThat(store.all()).extracting(RetainedMessage::topic, m -> new String(m.payload(), StandardCharsets.UTF_8),
                        RetainedMessage::qos)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a/b", "two", Qos.AT_MOST_ONCE),
                        org.assertj.core.groups.Tuple.tuple("a/c", "three", Qos.EXACTLY_ONCE));
    }

    @Test
    void remove_existingTopic_forgetsIt() {
        store.put(message("a/b", "one", Qos.AT_LEAST_ONCE));
        store.remove("a/b");
        store.remove("never/stored");

        assertThat(store.all()).isEmpty();
    }

    @Test
    void retainedMessage_emptyPayload_isRejected() {
        // [MQTT-3.3.1-11] a zero-length payload is never kept as a retained message
        assertThatThrownBy(() -> new RetainedMessage("a", new byte[0], Qos.AT_MOST_ONCE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
