package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Every subscription of the broker: ordinary ones in the {@link SubscriptionTree}, shared ones
 * ({@code $share/{ShareName}/{filter}}, MQTT 5 section 4.8.2) in their {@link SharedGroup}s. Sessions subscribe and
 * unsubscribe here with the filter exactly as the client sent it; a filter starting with "$share/" that is not a
 * valid shared filter was refused before it got here (SUBACK 0x8F), except when restored from storage, where it is
 * kept as the ordinary filter a 3.1.1 broker used to treat it as.
 */
final class Subscriptions {

    private final SubscriptionTree<Session> tree = new SubscriptionTree<>();
    private final SharedSubscriptions<Session> shared = new SharedSubscriptions<>();

    /** Adds or replaces the session's subscription [MQTT-3.8.4-3]; returns whether one with that filter existed. */
    boolean subscribe(String topicFilter, Session session, SubscriptionOptions options) {
        SharedFilter share = SharedFilter.parse(topicFilter);
        SubscriptionOptions replaced = share == null
                ? tree.subscribe(topicFilter, session, options)
                : shared.join(share, session, options);
        return replaced != null;
    }

    /** Removes the subscription whose filter equals {@code topicFilter} exactly [MQTT-3.10.4-1]. */
    boolean unsubscribe(String topicFilter, Session session) {
        SharedFilter share = SharedFilter.parse(topicFilter);
        return share == null ? tree.unsubscribe(topicFilter, session) : shared.leave(share, session);
    }

    /**
     * Every session with a non-shared subscription matching {@code topic}, once, with its subscriptions' combined
     * options, leaving out the No Local subscriptions of {@code publisher} [MQTT-3.8.3-3].
     */
    void match(String topic, @Nullable Session publisher, Map<Session, SubscriptionOptions> result) {
        tree.match(topic, publisher, result);
    }

    /**
     * The ordinary subscriptions' version: it changes with every subscribe and unsubscribe, and is 0 while one is
     * being made. A match made between two equal non-zero readings is a match of that version.
     */
    long version() {
        return tree.version();
    }

    /** Every shared group with a filter matching {@code topic}; nothing (and no walk) when there are none. */
    void matchShared(String topic, Map<SharedGroup<Session>, SubscriptionOptions> result) {
        shared.match(topic, result);
    }

    /** Whether any shared subscription exists: the router skips the shared walk and its map otherwise. */
    boolean hasShared() {
        return shared.size() > 0;
    }

    /** Number of subscriptions: one per session and filter, shared ones included. */
    long size() {
        return tree.size() + shared.size();
    }
}
