package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repeated topic's match comes from the thread's route cache while the trie is unchanged, and always equals what
 * a walk of the trie would give: after every change, for every publisher, for equal topics that are other String
 * instances. Topic instances here are built at run time, as the decoder builds them.
 */
class RouteCacheTest {

    private static final SubscriptionOptions AT_MOST_ONCE = SubscriptionOptions.of(Qos.AT_MOST_ONCE);
    private static final SubscriptionOptions NO_LOCAL = new SubscriptionOptions(Qos.AT_LEAST_ONCE, true, false,
            List.of());

    private final SubscriptionTree<String> tree = new SubscriptionTree<>();
    private final String topic = new StringBuilder("sensors/").append("kitchen/temp").toString();

    private Map<String, SubscriptionOptions> match(String publishedTopic, String publisher) {
        Map<String, SubscriptionOptions> result = new HashMap<>();
        tree.match(publishedTopic, publisher, result);
        return result;
    }

    @Test
    void aRepeatedTopic_matchesTheSameEachTime() {
        tree.subscribe("sensors/+/temp", "a", AT_MOST_ONCE);
        tree.subscribe("sensors/#", "b", AT_MOST_ONCE);

        for (int i = 0; i < 5; i++) {
            assertThat(match(topic, "p")).containsOnlyKeys("a", "b");
        }
    }

    @Test
    void aSubscribeAfterTheTopicWasCached_isMatchedAtOnce() {
        tree.subscribe("sensors/+/temp", "a", AT_MOST_ONCE);
        match(topic, "p");
        match(topic, "p"); // now kept

        tree.subscribe("sensors/kitchen/temp", "c", AT_MOST_ONCE);

        assertThat(match(topic, "p")).containsOnlyKeys("a", "c");
    }

    @Test
    void anUnsubscribeAfterTheTopicWasCached_isNotMatchedAnyMore() {
        tree.subscribe("sensors/+/temp", "a", AT_MOST_ONCE);
        tree.subscribe("sensors/#", "b", AT_MOST_ONCE);
        match(topic, "p");
        match(topic, "p");

        tree.unsubscribe("sensors/#", "b");

        assertThat(match(topic, "p")).containsOnlyKeys("a");
        assertThat(match(topic, "p")).containsOnlyKeys("a");
    }

    // [MQTT-3.8.3-3] a No Local subscription gets nothing its own client publishes, and everything others publish
    @Test
    void aCachedMatchFromOnePublisher_isNotReusedForAnother() {
        tree.subscribe("sensors/#", "a", NO_LOCAL);
        assertThat(match(topic, "a")).isEmpty();
        assertThat(match(topic, "a")).isEmpty();

        assertThat(match(topic, "q")).containsOnlyKeys("a");
        assertThat(match(topic, "q")).containsOnlyKeys("a");
        assertThat(match(topic, "a")).isEmpty();
    }

    @Test
    void anEqualTopicInAnotherString_isMatchedByTheWalk() {
        tree.subscribe("sensors/kitchen/temp", "a", AT_MOST_ONCE);
        match(topic, "p");
        match(topic, "p");
        String other = new StringBuilder("sensors/kitchen/").append("temp").toString();

        assertThat(match(other, "p")).containsOnlyKeys("a");
        assertThat(match("sensors/kitchen/hum", "p")).isEmpty();
    }

    @Test
    void aResultLargerThanWhatIsKept_isStillWholeEachTime() {
        for (int i = 0; i <= RouteCache.MAX_SUBSCRIBERS; i++) {
            tree.subscribe("sensors/#", "s" + i, AT_MOST_ONCE);
        }

        for (int i = 0; i < 3; i++) {
            assertThat(match(topic, "p")).hasSize(RouteCache.MAX_SUBSCRIBERS + 1);
        }
    }

    @Test
    void keptOptions_areTheStrongestOfTheMatchingFilters() {
        tree.subscribe("sensors/#", "a", AT_MOST_ONCE);
        tree.subscribe("sensors/+/temp", "a", SubscriptionOptions.of(Qos.EXACTLY_ONCE));
        match(topic, "p");
        match(topic, "p"); // now kept

        assertThat(match(topic, "p").get("a").qos()).isEqualTo(Qos.EXACTLY_ONCE);
    }

    @Test
    void cache_keepsATopicOnlyTheSecondTimeAndForgetsEverythingOnAWrite() {
        RouteCache<String> cache = new RouteCache<>();
        Map<String, SubscriptionOptions> walked = Map.of("a", AT_MOST_ONCE);
        Map<String, SubscriptionOptions> result = new HashMap<>();

        assertThat(cache.copyTo(topic, "p", 1, result)).isFalse();
        cache.remember(topic, "p", walked); // seen once
        assertThat(cache.copyTo(topic, "p", 1, result)).isFalse();
        cache.remember(topic, "p", walked); // kept
        assertThat(cache.copyTo(topic, "p", 1, result)).isTrue();
        assertThat(result).isEqualTo(walked);

        result.clear();
        assertThat(cache.copyTo(topic, "p", 2, result)).as("a write since").isFalse();
        assertThat(cache.copyTo(topic, "p", 2, result)).isFalse();
        assertThat(result).isEmpty();
    }
}
