package io.ternmq.store.memory;

import io.ternmq.protocol.Qos;
import io.ternmq.store.StoredSession;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySessionStoreTest {

    private final InMemorySessionStore store = new InMemorySessionStore();

    @Test
    void save_sameClientTwice_replacesState() {
        store.save(new StoredSession("c1", Map.of("a/#", Qos.AT_LEAST_ONCE)));
        store.save(new StoredSession("c1", Map.of("b/+", Qos.EXACTLY_ONCE)));

        assertThat(store.find("c1")).map(StoredSession::subscriptions).contains(Map.of("b/+", Qos.EXACTLY_ONCE));
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void remove_storedClient_isGone() {
        store.save(new StoredSession("c1", Map.of()));
        store.remove("c1");

        assertThat(store.find("c1")).isEmpty();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void storedSession_mutatedSourceMap_isNotAffected() {
        Map<String, Qos> source = new HashMap<>();
        source.put("x", Qos.AT_MOST_ONCE);
        StoredSession session = new StoredSession("c1", source);
        source.put("y", Qos.AT_MOST_ONCE);

        assertThat(session.subscriptions()).containsOnlyKeys("x");
    }
}
