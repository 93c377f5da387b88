package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSubscriptionsTest {

    private final SharedSubscriptions<String> shared = new SharedSubscriptions<>();
    private final SubscriptionOptions qos1 = SubscriptionOptions.of(Qos.AT_LEAST_ONCE);

    private Map<SharedGroup<String>, SubscriptionOptions> match(String topic) {
        Map<SharedGroup<String>, SubscriptionOptions> result = new HashMap<>();
        shared.match(topic, result);
        return result;
    }

    @Test
    void match_groupsWithMatchingFilters_eachGroupOnce() {
        SharedFilter g1 = new SharedFilter("g1", "a/+");
        SharedFilter g2 = new SharedFilter("g2", "a/b");
        SharedFilter g3 = new SharedFilter("g1", "x");
        shared.join(g1, "s1", qos1);
        shared.join(g1, "s2", qos1);
        shared.join(g2, "s1", qos1);
        shared.join(g3, "s3", qos1);

        assertThat(match("a/b").keySet()).extracting(SharedGroup::filter).containsExactlyInAnyOrder(g1, g2);
        assertThat(shared.size()).isEqualTo(4);
    }

    @Test
    void leave_lastMember_removesGroup() {
        SharedFilter filter = new SharedFilter("g", "a");
        shared.join(filter, "s1", qos1);
        shared.join(filter, "s2", qos1);

        assertThat(shared.leave(filter, "s1")).isTrue();
        assertThat(match("a")).hasSize(1);
        assertThat(shared.leave(filter, "s2")).isTrue();
        assertThat(shared.leave(filter, "s2")).isFalse();

        assertThat(match("a")).isEmpty();
        assertThat(shared.group(filter)).isNull();
        assertThat(shared.size()).isZero();
    }

    @Test
    void match_dollarTopicAgainstWildcardShare_noMatch() {
        // [MQTT-4.7.2-1] holds for the filter inside a shared subscription too
        shared.join(new SharedFilter("g", "#"), "s1", qos1);

        assertThat(match("$SYS/x")).isEmpty();
        assertThat(match("x")).hasSize(1);
    }

    @Test
    void join_sameMemberTwice_countedOnce() {
        SharedFilter filter = new SharedFilter("g", "a");

        assertThat(shared.join(filter, "s1", qos1)).isNull();
        assertThat(shared.join(filter, "s1", SubscriptionOptions.of(Qos.AT_MOST_ONCE))).isEqualTo(qos1);

        assertThat(shared.size()).isEqualTo(1);
    }
}
