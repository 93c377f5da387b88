package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTreeTest {

    private final SubscriptionTree<String> tree = new SubscriptionTree<>();

    private Map<String, Qos> match(String topic) {
        Map<String, SubscriptionOptions> result = new HashMap<>();
        tree.match(topic, result);
        Map<String, Qos> granted = new HashMap<>();
        result.forEach((subscriber, options) -> granted.put(subscriber, options.qos()));
        return granted;
    }

    // [MQTT-4.7.1-1] wildcards in filters only; [MQTT-4.7.2-1] '$' topics vs filters starting with a wildcard;
    // [MQTT-3.3.2-3] a delivered topic matches its subscription's filter
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "a/b/c, a/b/c, true",
            "a/b/c, a/b/d, false",
            "a/b, a/b/c, false",
            "a/b/c, a/b, false",
            "a/+/c, a/b/c, true",
            "a/+/c, a/b/d, false",
            "a/+, a/, true",
            "+/+, /x, true",
            "+, /x, false",
            "/+, /x, true",
            "+, a, true",
            "+, a/b, false",
            "#, a, true",
            "#, a/b/c, true",
            "#, /, true",
            "a/#, a, true",
            "a/#, a/b, true",
            "a/#, a/b/c, true",
            "a/#, ab, false",
            "a/b/#, a, false",
            "+/#, a/b, true",
            "+/b/#, a/b, true",
            "sport/tennis/+, sport/tennis/player1, true",
            "sport/+, sport, false",
            "#, $SYS/broker/uptime, false",
            "+/broker/uptime, $SYS/broker/uptime, false",
            "+/#, $SYS/x, false",
            "$SYS/#, $SYS/broker/uptime, true",
            "$SYS/+/uptime, $SYS/broker/uptime, true",
            "$SYS, $SYS, true",
            "a/$b, a/$b, true",
            "a/+, a/$b, true",
            "a/#, a/$b, true",
            "A/b, a/b, false",
            "a/+/b, a//b, true",
            "a/b, a//b, false",
            "/, /, true",
            "+/+, /, true",
            "a/, a, false",
            "a, a/, false",
            "+/+/+, a/b, false",
    })
    void match_filterAgainstTopic_followsSection47(String filter, String topic, boolean matches) {
        tree.subscribe(filter, "s1", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));

        assertThat(match(topic).containsKey("s1")).isEqualTo(matches);
    }

    @Test
    void match_overlappingSubscriptionsOfOneSubscriber_onceAtHighestQos() {
        // [MQTT-3.3.5-1] one delivery honouring the highest QoS of the matching subscriptions
        tree.subscribe("a/#", "s1", SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        tree.subscribe("a/+", "s1", SubscriptionOptions.of(Qos.EXACTLY_ONCE));
        tree.subscribe("a/b", "s1", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        tree.subscribe("#", "s2", SubscriptionOptions.of(Qos.AT_MOST_ONCE));

        assertThat(match("a/b")).containsExactlyInAnyOrderEntriesOf(
                Map.of("s1", Qos.EXACTLY_ONCE, "s2", Qos.AT_MOST_ONCE));
    }

    @Test
    void subscribe_identicalFilterTwice_replacesQos() {
        // [MQTT-3.8.4-3] an identical filter replaces the existing subscription
        assertThat(tree.subscribe("a/b", "s1", SubscriptionOptions.of(Qos.EXACTLY_ONCE))).isNull();
        assertThat(tree.subscribe("a/b", "s1", SubscriptionOptions.of(Qos.AT_MOST_ONCE)))
                .isEqualTo(SubscriptionOptions.of(Qos.EXACTLY_ONCE));

        assertThat(match("a/b")).containsExactlyEntriesOf(Map.of("s1", Qos.AT_MOST_ONCE));
    }

    @Test
    void unsubscribe_filterComparedLiterally_removesOnlyExactFilter() {
        // [MQTT-3.10.4-1] wildcards in an UNSUBSCRIBE are compared character by character
        tree.subscribe("a/+", "s1", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        tree.subscribe("a/b", "s1", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));

        assertThat(tree.unsubscribe("a/#", "s1")).isFalse();
        assertThat(tree.unsubscribe("a/b", "s1")).isTrue();
        assertThat(tree.unsubscribe("a/b", "s1")).isFalse();

        assertThat(match("a/b")).containsOnlyKeys("s1");
        assertThat(tree.unsubscribe("a/+", "s1")).isTrue();
        assertThat(match("a/b")).isEmpty();
    }

    @Test
    void unsubscribe_oneOfTwoSubscribers_keepsTheOther() {
        tree.subscribe("a/b/c", "s1", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        tree.subscribe("a/b/c", "s2", SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        tree.subscribe("a/b", "s3", SubscriptionOptions.of(Qos.AT_MOST_ONCE));

        tree.unsubscribe("a/b/c", "s1");

        assertThat(match("a/b/c")).containsOnlyKeys("s2");
        assertThat(match("a/b")).containsOnlyKeys("s3");
    }
}
