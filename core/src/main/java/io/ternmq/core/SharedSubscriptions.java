package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;

/**
 * Every shared subscription group of the broker (MQTT 5 section 4.8.2). Model: {@code groups} maps each share name
 * and filter to its {@link SharedGroup}; {@code tree} holds every group at its filter, so that a topic's matching
 * groups are found like subscribers are. A group exists exactly while it has members: joining creates it, the last
 * leave removes it from both. Join and leave (rare) take this object's lock; matching only reads the tree.
 */
final class SharedSubscriptions<S> {

    /** What the tree keeps for a group: its members' own options live in the group. */
    private static final SubscriptionOptions GROUP_ENTRY = SubscriptionOptions.of(Qos.AT_MOST_ONCE);

    private final SubscriptionTree<SharedGroup<S>> tree = new SubscriptionTree<>();
    private final Map<SharedFilter, SharedGroup<S>> groups = new HashMap<>();
    /** Members of all groups; read lock-free by metrics and by the router's "any groups at all?" check. */
    private volatile long memberships;

    /** Adds the subscriber to the group, or replaces its options there; returns the replaced options or null. */
    synchronized @Nullable SubscriptionOptions join(SharedFilter filter, S subscriber, SubscriptionOptions options) {
        SharedGroup<S> group = groups.get(filter);
        if (group == null) {
            group = new SharedGroup<>(filter);
            groups.put(filter, group);
            tree.subscribe(filter.filter(), group, GROUP_ENTRY);
        }
        SubscriptionOptions replaced = group.join(subscriber, options);
        if (replaced == null) {
            memberships++;
        }
        return replaced;
    }

    /** Removes the subscriber from the group; false when it was not a member. */
    synchronized boolean leave(SharedFilter filter, S subscriber) {
        SharedGroup<S> group = groups.get(filter);
        if (group == null || !group.leave(subscriber)) {
            return false;
        }
        memberships--;
        if (group.isEmpty()) {
            groups.remove(filter);
            tree.unsubscribe(filter.filter(), group);
        }
        return true;
    }

    /** The group of that share name and filter, or null when it has no members. */
    synchronized @Nullable SharedGroup<S> group(SharedFilter filter) {
        return groups.get(filter);
    }

    /** Adds every group whose filter matches {@code topic} to {@code result} (keys only matter). */
    void match(String topic, Map<SharedGroup<S>, SubscriptionOptions> result) {
        if (memberships == 0) {
            return; // the common case: no shared subscriptions, no second walk
        }
        tree.match(topic, result);
    }

    /** Number of memberships: one per subscriber and group. */
    long size() {
        return memberships;
    }
}
