package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.TopicSubscription;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * What the tree keeps per subscriber and filter: the granted QoS, the MQTT 5 options that matter when routing
 * (3.8.3.1: No Local, Retain As Published) and the subscription identifier (3.8.2.1.2), if any. Retain Handling
 * acts only at subscribe time and is not kept. Immutable; a 3.1.1 subscription is one of three shared constants.
 * <p>
 * A value from a match may stand for several overlapping subscriptions of one subscriber ({@link #strongest}):
 * then {@code identifiers} lists all of theirs and {@code retainAsPublished} is set when any of them has it.
 *
 * @param identifiers the subscription identifiers to put on a PUBLISH sent for this subscription: none, one, or
 *                    (after a merge) several [MQTT-3.3.4-3]
 */
record SubscriptionOptions(Qos qos, boolean noLocal, boolean retainAsPublished, List<Integer> identifiers) {

    private static final SubscriptionOptions[] PLAIN = {
            new SubscriptionOptions(Qos.AT_MOST_ONCE, false, false, List.of()),
            new SubscriptionOptions(Qos.AT_LEAST_ONCE, false, false, List.of()),
            new SubscriptionOptions(Qos.EXACTLY_ONCE, false, false, List.of()),
    };

    SubscriptionOptions {
        identifiers = List.copyOf(identifiers);
    }

    /** A subscription with only a QoS, as every 3.1.1 subscription: no allocation. */
    static SubscriptionOptions of(Qos qos) {
        return PLAIN[qos.value()];
    }

    /** The options a SUBSCRIBE asked for, granted as asked, with the packet's subscription identifier if any. */
    static SubscriptionOptions of(TopicSubscription requested, @Nullable Integer identifier) {
        if (!requested.noLocal() && !requested.retainAsPublished() && identifier == null) {
            return of(requested.qos());
        }
        return new SubscriptionOptions(requested.qos(), requested.noLocal(), requested.retainAsPublished(),
                identifier == null ? List.of() : List.of(identifier));
    }

    /**
     * Two matching subscriptions of the same subscriber, as the one PUBLISH the server sends for both: the higher
     * QoS [MQTT-3.3.4-2], every identifier [MQTT-3.3.4-4]. Allocates only when both carry something beyond a QoS.
     */
    static SubscriptionOptions strongest(SubscriptionOptions a, SubscriptionOptions b) {
        boolean aPlain = a.identifiers.isEmpty() && !a.retainAsPublished;
        boolean bPlain = b.identifiers.isEmpty() && !b.retainAsPublished;
        if (bPlain && a.qos.value() >= b.qos.value()) {
            return a;
        }
        if (aPlain && b.qos.value() >= a.qos.value()) {
            return b;
        }
        List<Integer> ids = new ArrayList<>(a.identifiers.size() + b.identifiers.size());
        ids.addAll(a.identifiers);
        ids.addAll(b.identifiers);
        // No Local has done its work inside the match (the publisher's own subscriptions are never merged in)
        return new SubscriptionOptions(Qos.max(a.qos, b.qos), false, a.retainAsPublished || b.retainAsPublished,
                ids);
    }

    /** The RETAIN flag to forward a routed message with [MQTT-3.3.1-12] [MQTT-3.3.1-13]. */
    boolean forwardedRetain(boolean published) {
        return published && retainAsPublished;
    }
}
