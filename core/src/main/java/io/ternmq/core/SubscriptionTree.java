package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Which subscribers want which topics: a trie with one node per filter level, where each node holds the
 * subscribers whose filter ends there, with the options granted to them (QoS, No Local, Retain As Published,
 * subscription identifier). Subscribers are keys of type {@code S} (equality decides identity); one subscriber has
 * at most one subscription per filter (re-subscribing replaces it [MQTT-3.8.4-3]). Nodes without subscribers and children are pruned on unsubscribe.
 * <p>
 * The one structure shared by all session threads: a read-write lock lets matches run in parallel while
 * subscribe and unsubscribe exclude them.
 */
final class SubscriptionTree<S> {

    private final Node<S> root = new Node<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Subscriber-filter pairs; changed only under the write lock, read lock-free by metrics. */
    private volatile long count;

    /** Adds or replaces the subscription; returns the options it replaced, or null for a new one. */
    @Nullable SubscriptionOptions subscribe(String filter, S subscriber, SubscriptionOptions options) {
        String[] levels = TopicLevels.split(filter);
        lock.writeLock().lock();
        try {
            Node<S> node = root;
            for (String level : levels) {
                node = node.children.computeIfAbsent(level, l -> new Node<>());
            }
            SubscriptionOptions replaced = node.subscribers.put(subscriber, options);
            if (replaced == null) {
                count++;
            }
            return replaced;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the subscription whose filter equals {@code filter} character for character [MQTT-3.10.4-1]. */
    boolean unsubscribe(String filter, S subscriber) {
        String[] levels = TopicLevels.split(filter);
        lock.writeLock().lock();
        try {
            boolean removed = remove(root, levels, 0, subscriber);
            if (removed) {
                count--;
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Number of subscriptions: one per subscriber and filter. */
    long size() {
        return count;
    }

    private static <S> boolean remove(Node<S> node, String[] levels, int depth, S subscriber) {
        if (depth == levels.length) {
            return node.subscribers.remove(subscriber) != null;
        }
        Node<S> child = node.children.get(levels[depth]);
        if (child == null) {
            return false;
        }
        boolean removed = remove(child, levels, depth + 1, subscriber);
        if (child.isEmpty()) {
            node.children.remove(levels[depth]);
        }
        return removed;
    }

    /**
     * Adds to {@code result} every subscriber with a filter matching {@code topic}, each once with the highest QoS
     * granted among its matching filters [MQTT-3.3.5-1] and the identifiers of all of them
     * ({@link SubscriptionOptions#strongest}).
     */
    void match(String topic, Map<S, SubscriptionOptions> result) {
        match(topic, null, result);
    }

    /** The same, leaving out the No Local subscriptions of {@code publisher}, the message's origin [MQTT-3.8.3-3]. */
    void match(String topic, @Nullable S publisher, Map<S, SubscriptionOptions> result) {
        String[] levels = TopicLevels.split(topic);
        lock.readLock().lock();
        try {
            collect(root, levels, 0, publisher, result);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static <S> void collect(Node<S> node, String[] levels, int depth, @Nullable S publisher,
                                    Map<S, SubscriptionOptions> result) {
        if (depth == levels.length) {
            addAll(node, publisher, result);
            // "a/#" also matches "a": '#' stands for the parent level and any number of children
            Node<S> multi = node.children.get(TopicLevels.MULTI_LEVEL);
            if (multi != null) {
                addAll(multi, publisher, result);
            }
            return;
        }
        // [MQTT-4.7.2-1] a filter starting with a wildcard never matches a topic starting with '$'
        boolean wildcardsAllowed = depth > 0 || !TopicLevels.isSystemTopic(levels[0]);
        if (wildcardsAllowed) {
            Node<S> multi = node.children.get(TopicLevels.MULTI_LEVEL);
            if (multi != null) {
                addAll(multi, publisher, result);
            }
            Node<S> single = node.children.get(TopicLevels.SINGLE_LEVEL);
            if (single != null) {
                collect(single, levels, depth + 1, publisher, result);
            }
        }
        Node<S> exact = node.children.get(levels[depth]);
        if (exact != null) {
            collect(exact, levels, depth + 1, publisher, result);
        }
    }

    private static <S> void addAll(Node<S> node, @Nullable S publisher, Map<S, SubscriptionOptions> result) {
        for (Map.Entry<S, SubscriptionOptions> e : node.subscribers.entrySet()) {
            SubscriptionOptions options = e.getValue();
            if (options.noLocal() && e.getKey().equals(publisher)) {
                continue; // [MQTT-3.8.3-3] not back to the client that published it
            }
            result.merge(e.getKey(), options, SubscriptionOptions::strongest);
        }
    }

    private static final class Node<S> {
        final Map<String, Node<S>> children = new HashMap<>(4);
        final Map<S, SubscriptionOptions> subscribers = new HashMap<>(2);

        boolean isEmpty() {
            return children.isEmpty() && subscribers.isEmpty();
        }
    }
}
