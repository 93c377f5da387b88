package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.store.StoredSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's subscriptions as the session row keeps them: the granted QoS per filter, and the MQTT 5 options
 * (No Local, Retain As Published, identifier) of the filters that have any. Retain Handling acts only at subscribe
 * time, so the row says "send on subscribe" for every filter; a subscription holds at most one identifier.
 */
final class StoredSubscriptions {

    private StoredSubscriptions() {
    }

    static Map<String, Qos> qosOf(Map<String, SubscriptionOptions> subscriptions) {
        Map<String, Qos> stored = new HashMap<>(subscriptions.size());
        subscriptions.forEach((filter, options) -> stored.put(filter, options.qos()));
        return stored;
    }

    static Map<String, io.ternmq.store.SubscriptionOptions> optionsOf(Map<String, SubscriptionOptions> subscriptions) {
        Map<String, io.ternmq.store.SubscriptionOptions> stored = new HashMap<>();
        subscriptions.forEach((filter, options) -> {
            if (options.noLocal() || options.retainAsPublished() || !options.identifiers().isEmpty()) {
                int identifier = options.identifiers().isEmpty() ? 0 : options.identifiers().getFirst();
                stored.put(filter, new io.ternmq.store.SubscriptionOptions(options.noLocal(),
                        options.retainAsPublished(), RetainHandling.SEND_ON_SUBSCRIBE, identifier));
            }
        });
        return stored;
    }

    /** The options of a stored filter as they were granted (identifier 0: none). */
    static SubscriptionOptions restored(StoredSession session, String filter, Qos qos) {
        io.ternmq.store.SubscriptionOptions stored = session.optionsOf(filter);
        if (stored.isDefault()) {
            return SubscriptionOptions.of(qos);
        }
        int identifier = stored.subscriptionIdentifier();
        return new SubscriptionOptions(qos, stored.noLocal(), stored.retainAsPublished(),
                identifier == 0 ? List.of() : List.of(identifier));
    }
}
