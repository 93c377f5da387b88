package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundTopicAliasesTest {

    private final OutboundTopicAliases aliases = new OutboundTopicAliases(2);

    @Test
    void worthAliasing_firstSighting_isNotWorthIt() {
        assertThat(aliases.worthAliasing("sensors/1")).isFalse();
        assertThat(aliases.worthAliasing("sensors/1")).isTrue();
    }

    @Test
    void worthAliasing_shortTopic_never() {
        aliases.worthAliasing("abc");

        assertThat(aliases.worthAliasing("abc")).isFalse();
    }

    @Test
    void claim_freeAliases_areHandedOutFromOne() {
        assertThat(aliases.claim("topic/a")).isEqualTo(1);
        assertThat(aliases.claim("topic/b")).isEqualTo(2);

        assertThat(aliases.known("topic/a")).isEqualTo(1);
        assertThat(aliases.known("topic/b")).isEqualTo(2);
        assertThat(aliases.known("topic/c")).isZero();
    }

    @Test
    void claim_allTaken_reusesTheLeastRecentlyUsedAlias() {
        aliases.claim("topic/a");
        aliases.claim("topic/b");
        aliases.known("topic/a"); // a is used again: b is now the least recent

        assertThat(aliases.next()).isEqualTo(2);
        assertThat(aliases.claim("topic/c")).isEqualTo(2);
        assertThat(aliases.known("topic/b")).isZero();
        assertThat(aliases.known("topic/a")).isEqualTo(1);
        assertThat(aliases.known("topic/c")).isEqualTo(2);
    }

    @Test
    void capacity_largeClientMaximum_isCapped() {
        assertThat(new OutboundTopicAliases(65_535).capacity()).isEqualTo(OutboundTopicAliases.MAX_CAPACITY);
        assertThat(new OutboundTopicAliases(5).capacity()).isEqualTo(5);
    }

    @Test
    void claim_randomTopics_neverExceedsTheClientMaximumAndKeepsAliasesUnique() {
        // [MQTT-3.1.2-26] [MQTT-3.3.2-11] seeded random workload: every alias in 1..maximum, one topic each
        var random = new Random(42);
        var table = new OutboundTopicAliases(7);
        Map<Integer, String> holder = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String topic = "topic/" + random.nextInt(20);
            int known = table.known(topic);
            if (known != 0) {
                assertThat(holder.get(known)).isEqualTo(topic);
            } else if (table.worthAliasing(topic)) {
                int alias = table.claim(topic);
                assertThat(alias).isBetween(1, 7);
                holder.put(alias, topic);
            }
        }
        Set<String> distinct = new HashSet<>(holder.values());
        assertThat(distinct).hasSize(holder.size());
        assertThat(holder.keySet()).allMatch(a -> a >= 1 && a <= 7);
    }
}
