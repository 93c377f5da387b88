package io.ternmq.core;

import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.TopicSubscription;
import org.jspecify.annotations.Nullable;

/** The subscription-feature checks of a SUBSCRIBE's filters, and whether a new subscription gets retained messages. */
final class SubscribeRules {

    private SubscribeRules() {
    }

    /**
     * Why the broker's feature switches or the shared subscription syntax refuse the filter, or null: shared
     * subscriptions switched off (0x9E), a "$share/" filter without a valid ShareName and filter (0x8F,
     * [MQTT-4.8.2-1] [MQTT-4.8.2-2]), wildcards switched off (0xA2).
     */
    static @Nullable ReasonCode refusal(String filter, SubscriptionFeatures features) {
        if (SharedFilter.isShared(filter)) {
            if (!features.shared()) {
                return ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED;
            }
            if (SharedFilter.parse(filter) == null) {
                return ReasonCode.TOPIC_FILTER_INVALID; // [MQTT-4.8.2-1] [MQTT-4.8.2-2]
            }
        }
        if (!features.wildcards() && (filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0)) {
            return ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED;
        }
        return null;
    }

    /**
     * Whether retained messages follow the SUBACK for this filter: only for a non-shared subscription (3.3.1.3:
     * "when a new Non-shared Subscription is made"), as its Retain Handling says: 0 always [MQTT-3.3.1-9], 1 only
     * when it did not exist before [MQTT-3.3.1-10], 2 never [MQTT-3.3.1-11]. 3.1.1 subscriptions are all 0.
     */
    static boolean sendsRetained(TopicSubscription subscription, boolean existed) {
        if (SharedFilter.isShared(subscription.topicFilter())) {
            return false;
        }
        return switch (subscription.retainHandling()) {
            case SEND_ON_SUBSCRIBE -> true;
            case SEND_IF_NEW_SUBSCRIPTION -> !existed;
            case DO_NOT_SEND -> false;
        };
    }
}
