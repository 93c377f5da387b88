package io.ternmq.store;

import io.ternmq.protocol.RetainHandling;

/**
 * The MQTT 5 options of one stored subscription besides its QoS (3.8.3.1): no local, retain as published, retain
 * handling and the subscription identifier (0 when the SUBSCRIBE had none; valid ones are 1..268,435,455). A
 * 3.1.1 subscription has {@link #DEFAULT}, which the session row does not spell out.
 */
public record SubscriptionOptions(boolean noLocal, boolean retainAsPublished, RetainHandling retainHandling,
                                  int subscriptionIdentifier) {

    public static final SubscriptionOptions DEFAULT =
            new SubscriptionOptions(false, false, RetainHandling.SEND_ON_SUBSCRIBE, 0);

    /** The largest subscription identifier, the largest variable byte integer (3.8.2.1.2). */
    public static final int MAX_SUBSCRIPTION_IDENTIFIER = 268_435_455;

    public SubscriptionOptions {
        if (subscriptionIdentifier < 0 || subscriptionIdentifier > MAX_SUBSCRIPTION_IDENTIFIER) {
            throw new IllegalArgumentException("subscription identifier " + subscriptionIdentifier);
        }
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
