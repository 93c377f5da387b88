package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.TopicSubscription;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The MQTT 5 options the tree keeps per subscriber and filter, and how overlapping ones combine in a match. */
class SubscriptionOptionsTreeTest {

    private final SubscriptionTree<String> tree = new SubscriptionTree<>();

    private static SubscriptionOptions options(Qos qos, boolean noLocal, boolean retainAsPublished, Integer... ids) {
        return new SubscriptionOptions(qos, noLocal, retainAsPublished, List.of(ids));
    }

    private Map<String, SubscriptionOptions> match(String topic, String publisher) {
        Map<String, SubscriptionOptions> result = new HashMap<>();
        tree.match(topic, publisher, result);
        return result;
    }

    @Test
    void match_noLocalSubscriptionOfPublisher_leftOut() {
        // [MQTT-3.8.3-3] never back to the publishing client's No Local subscription
        tree.subscribe("a/b", "pub", options(Qos.AT_LEAST_ONCE, true, false));
        tree.subscribe("a/b", "other", options(Qos.AT_LEAST_ONCE, true, false));

        assertThat(match("a/b", "pub")).containsOnlyKeys("other");
        assertThat(match("a/b", "someone")).containsOnlyKeys("pub", "other");
    }

    @Test
    void match_noLocalAndOverlappingPlainSubscription_deliversThroughThePlainOneOnly() {
        // [MQTT-3.8.3-3] only the No Local subscription is left out; its identifier is not listed [MQTT-3.3.4-3]
        tree.subscribe("a/#", "pub", options(Qos.EXACTLY_ONCE, true, false, 7));
        tree.subscribe("a/b", "pub", options(Qos.AT_MOST_ONCE, false, false, 8));

        assertThat(match("a/b", "pub")).containsExactlyEntriesOf(
                Map.of("pub", options(Qos.AT_MOST_ONCE, false, false, 8)));
    }

    @Test
    void match_overlappingSubscriptionsWithIdentifiers_oneEntryWithEveryIdentifierAtHighestQos() {
        // [MQTT-3.3.4-2] highest QoS; [MQTT-3.3.4-3] [MQTT-3.3.4-4] one copy carrying all identifiers
        tree.subscribe("a/#", "s1", options(Qos.AT_MOST_ONCE, false, false, 1));
        tree.subscribe("a/+", "s1", options(Qos.EXACTLY_ONCE, false, false, 2));
        tree.subscribe("a/b", "s1", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));

        SubscriptionOptions matched = match("a/b", "pub").get("s1");

        assertThat(matched.qos()).isEqualTo(Qos.EXACTLY_ONCE);
        assertThat(matched.identifiers()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void match_overlappingPlainSubscriptions_returnsStoredValueWithoutMerging() {
        SubscriptionOptions high = SubscriptionOptions.of(Qos.EXACTLY_ONCE);
        tree.subscribe("a/#", "s1", SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        tree.subscribe("a/b", "s1", high);

        assertThat(match("a/b", "pub").get("s1")).isSameAs(high);
    }

    @Test
    void match_retainAsPublishedOnAnyOverlappingSubscription_kept() {
        // [MQTT-3.3.1-13] one copy: RETAIN kept as published when one of the matching subscriptions asks for it
        tree.subscribe("a/#", "s1", options(Qos.AT_MOST_ONCE, false, true));
        tree.subscribe("a/b", "s1", options(Qos.AT_LEAST_ONCE, false, false));

        SubscriptionOptions matched = match("a/b", "pub").get("s1");

        assertThat(matched.forwardedRetain(true)).isTrue();
        assertThat(matched.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
    }

    @Test
    void forwardedRetain_withoutRetainAsPublished_alwaysClear() {
        // [MQTT-3.3.1-12] RAP=0: forwarded with RETAIN=0; [MQTT-3.3.1-13] RAP=1: as published
        assertThat(SubscriptionOptions.of(Qos.AT_LEAST_ONCE).forwardedRetain(true)).isFalse();
        assertThat(options(Qos.AT_LEAST_ONCE, false, true).forwardedRetain(true)).isTrue();
        assertThat(options(Qos.AT_LEAST_ONCE, false, true).forwardedRetain(false)).isFalse();
    }

    @Test
    void of_requestedWithoutOptionsOrIdentifier_isTheSharedPlainValue() {
        var requested = new TopicSubscription("a", Qos.AT_LEAST_ONCE, false, false, RetainHandling.DO_NOT_SEND);

        assertThat(SubscriptionOptions.of(requested, null)).isSameAs(SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        assertThat(SubscriptionOptions.of(requested, 5).identifiers()).containsExactly(5);
    }

    @Test
    void subscribe_sameFilterNewOptions_replacesOptions() {
        // [MQTT-3.8.4-3] a new subscription with an identical filter replaces the old one, options included
        tree.subscribe("a", "s1", options(Qos.AT_LEAST_ONCE, false, false, 1));
        tree.subscribe("a", "s1", options(Qos.AT_MOST_ONCE, false, false, 2));

        assertThat(match("a", "pub"))
                .containsExactlyEntriesOf(Map.of("s1", options(Qos.AT_MOST_ONCE, false, false, 2)));
    }
}
