package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.TopicSubscription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribeRulesTest {

    private static TopicSubscription subscription(String filter, RetainHandling handling) {
        return new TopicSubscription(filter, Qos.AT_LEAST_ONCE, false, false, handling);
    }

    @Test
    void sendsRetained_followsRetainHandling() {
        // [MQTT-3.3.1-9] 0: always; [MQTT-3.3.1-10] 1: only when new; [MQTT-3.3.1-11] 2: never
        assertThat(SubscribeRules.sendsRetained(subscription("a", RetainHandling.SEND_ON_SUBSCRIBE), true)).isTrue();
        assertThat(SubscribeRules.sendsRetained(subscription("a", RetainHandling.SEND_IF_NEW_SUBSCRIPTION), false))
                .isTrue();
        assertThat(SubscribeRules.sendsRetained(subscription("a", RetainHandling.SEND_IF_NEW_SUBSCRIPTION), true))
                .isFalse();
        assertThat(SubscribeRules.sendsRetained(subscription("a", RetainHandling.DO_NOT_SEND), false)).isFalse();
    }

    @Test
    void sendsRetained_sharedSubscription_never() {
        // 3.3.1.3: retained messages go to new non-shared subscriptions
        assertThat(SubscribeRules.sendsRetained(subscription("$share/g/a", RetainHandling.SEND_ON_SUBSCRIBE), false))
                .isFalse();
    }

    @Test
    void refusal_byFeatureAndSyntax() {
        SubscriptionFeatures none = new SubscriptionFeatures(false, false, false);

        assertThat(SubscribeRules.refusal("a/b", none)).isNull();
        assertThat(SubscribeRules.refusal("a/+", none)).isEqualTo(ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED);
        assertThat(SubscribeRules.refusal("#", none)).isEqualTo(ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED);
        assertThat(SubscribeRules.refusal("$share/g/a", none)).isEqualTo(ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED);
        assertThat(SubscribeRules.refusal("$share/g/a", SubscriptionFeatures.ALL)).isNull();
        // [MQTT-4.8.2-1] [MQTT-4.8.2-2]
        assertThat(SubscribeRules.refusal("$share//a", SubscriptionFeatures.ALL))
                .isEqualTo(ReasonCode.TOPIC_FILTER_INVALID);
    }
}
