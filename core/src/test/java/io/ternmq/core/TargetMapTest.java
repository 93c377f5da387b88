package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetMapTest {

    private static final SubscriptionOptions QOS0 = SubscriptionOptions.of(Qos.AT_MOST_ONCE);
    private static final SubscriptionOptions QOS1 = SubscriptionOptions.of(Qos.AT_LEAST_ONCE);
    private static final SubscriptionOptions QOS2 = SubscriptionOptions.of(Qos.EXACTLY_ONCE);

    private final TargetMap<Object> map = new TargetMap<>();

    @Test
    void put_newAndKnownKeys_keepsTheFirstInsertionOrderAndTheLastValue() {
        Object a = new Object();
        Object b = new Object();

        assertThat(map.put(a, QOS0)).isNull();
        assertThat(map.put(b, QOS1)).isNull();
        assertThat(map.put(a, QOS2)).isSameAs(QOS0);

        assertThat(map.size()).isEqualTo(2);
        assertThat(List.of(map.key(0), map.key(1))).containsExactly(a, b);
        assertThat(List.of(map.value(0), map.value(1))).containsExactly(QOS2, QOS1);
        assertThat(map.get(a)).isSameAs(QOS2);
        assertThat(map.get(new Object())).isNull();
    }

    /** As a match merges a subscriber's overlapping subscriptions: the higher QoS wins [MQTT-3.3.4-2]. */
    @Test
    void merge_knownKey_storesWhatTheFunctionCombines() {
        Object session = new Object();

        map.merge(session, QOS1, SubscriptionOptions::strongest);
        map.merge(session, QOS0, SubscriptionOptions::strongest);
        map.merge(session, QOS2, SubscriptionOptions::strongest);

        assertThat(map).hasSize(1);
        assertThat(map.value(0)).isSameAs(QOS2);
    }

    /** Sessions are one object each: two equal keys that are distinct objects are two targets. */
    @Test
    void keys_areComparedByIdentity() {
        String first = new String("client");
        String second = new String("client");

        map.put(first, QOS0);
        map.put(second, QOS1);

        assertThat(map).hasSize(2);
        assertThat(map.get(first)).isSameAs(QOS0);
        assertThat(map.get(second)).isSameAs(QOS1);
    }

    /** Seeded random keys and merges against an IdentityHashMap, across several growths and clears. */
    @Test
    void manyKeys_throughGrowthsAndClears_matchAnIdentityHashMap() {
        Random random = new Random(20261126);
        SubscriptionOptions[] options = {QOS0, QOS1, QOS2};
        for (int round = 0; round < 20; round++) {
            map.clear();
            List<Object> pool = new ArrayList<>();
            int distinct = 1 + random.nextInt(600);
            for (int i = 0; i < distinct; i++) {
                pool.add(new Object());
            }
            Map<Object, SubscriptionOptions> expected = new IdentityHashMap<>();
            List<Object> firstSeen = new ArrayList<>();
            for (int i = 0; i < 2 * distinct; i++) {
                Object key = pool.get(random.nextInt(distinct));
                SubscriptionOptions value = options[random.nextInt(3)];
                if (!expected.containsKey(key)) {
                    firstSeen.add(key);
                }
                expected.merge(key, value, SubscriptionOptions::strongest);
                map.merge(key, value, SubscriptionOptions::strongest);
            }

            assertThat(map.size()).isEqualTo(expected.size());
            for (int i = 0; i < map.size(); i++) {
                assertThat(map.key(i)).isSameAs(firstSeen.get(i));
                assertThat(map.value(i)).isSameAs(expected.get(map.key(i)));
            }
            for (Object key : pool) {
                assertThat(map.get(key)).isSameAs(expected.get(key));
            }
        }
    }

    @Test
    void clear_forgetsEveryEntry_andTheMapIsReusable() {
        Object a = new Object();
        map.put(a, QOS1);

        map.clear();

        assertThat(map).isEmpty();
        assertThat(map.containsKey(a)).isFalse();
        map.put(a, QOS2);
        assertThat(map.key(0)).isSameAs(a);
        assertThat(map.value(0)).isSameAs(QOS2);
    }

    @Test
    void entrySet_listsTheEntriesInInsertionOrder() {
        Object a = new Object();
        Object b = new Object();
        map.put(b, QOS2);
        map.put(a, QOS0);

        assertThat(new ArrayList<>(map.entrySet())).containsExactly(Map.entry(b, QOS2), Map.entry(a, QOS0));
    }

    @Test
    void key_beyondTheSize_isRefused() {
        map.put(new Object(), QOS0);

        assertThatThrownBy(() -> map.key(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> map.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
