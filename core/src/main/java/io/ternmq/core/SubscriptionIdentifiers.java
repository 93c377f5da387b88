package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;

import java.util.List;

/** Puts the receiving subscriptions' identifiers on the properties of an outgoing PUBLISH (3.3.2.3.8). */
final class SubscriptionIdentifiers {

    private SubscriptionIdentifiers() {
    }

    /**
     * The forwarded properties with exactly {@code identifiers} as subscription identifiers [MQTT-3.3.4-3]: those of
     * the subscriptions this copy is sent for, never the ones another subscriber's copy carries [MQTT-3.3.4-5].
     * No copy when nothing changes (the common case: no identifiers before or after).
     */
    static PublishProperties on(PublishProperties forwarded, List<Integer> identifiers) {
        if (forwarded.subscriptionIdentifiers().equals(identifiers)) {
            return forwarded;
        }
        return new PublishProperties(forwarded.payloadFormatIndicator(), forwarded.messageExpiryInterval(),
                forwarded.topicAlias(), forwarded.responseTopic(), forwarded.correlationData(),
                forwarded.userProperties(), identifiers, forwarded.contentType());
    }
}
