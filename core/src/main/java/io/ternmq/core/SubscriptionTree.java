package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;

/**
 * Which subscribers want which topics: a trie with one node per filter level, where each node holds the
 * subscribers whose filter ends there, with the options granted to them (QoS, No Local, Retain As Published,
 * subscription identifier). Subscribers are keys of type {@code S} (equality decides identity); one subscriber has
 * at most one subscription per filter (re-subscribing replaces it [MQTT-3.8.4-3]). Nodes without subscribers and
 * children are pruned on unsubscribe.
 * <p>
 * The one structure shared by all session threads, guarded by a {@link StampedLock}: subscribe and unsubscribe
 * take its write lock; a match first walks without locking (an optimistic read, validated afterwards) and only
 * if a writer interfered walks again under the read lock.
 */
final class SubscriptionTree<S> {

    private final Node<S> root = new Node<>();
    /** Not reentrant, and cheaper to read-lock than a ReentrantReadWriteLock (no per-thread hold counts). */
    private final StampedLock lock = new StampedLock();
    /** Each matching thread's recent results, valid while the lock's version (the optimistic stamp) is unchanged. */
    private final ThreadLocal<RouteCache<S>> routes = ThreadLocal.withInitial(RouteCache::new);
    /** Subscriber-filter pairs; changed only under the write lock, read lock-free by metrics. */
    private volatile long count;

    /** Adds or replaces the subscription; returns the options it replaced, or null for a new one. */
    @Nullable SubscriptionOptions subscribe(String filter, S subscriber, SubscriptionOptions options) {
        String[] levels = TopicLevels.split(filter);
        long stamp = lock.writeLock();
        try {
            Node<S> node = root;
            for (String level : levels) {
                node = node.childOrNew(level);
            }
            SubscriptionOptions replaced = node.subscribers.put(subscriber, options);
            if (replaced == null) {
                count++;
            }
            return replaced;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes the subscription whose filter equals {@code filter} character for character [MQTT-3.10.4-1]. */
    boolean unsubscribe(String filter, S subscriber) {
        String[] levels = TopicLevels.split(filter);
        long stamp = lock.writeLock();
        try {
            boolean removed = remove(root, levels, 0, subscriber);
            if (removed) {
                count--;
            }
            return removed;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * The trie's version: the lock's optimistic stamp, which every write lock changes, or 0 while a writer holds
     * it. Read locks leave it as it is.
     */
    long version() {
        return lock.tryOptimisticRead();
    }

    /** Number of subscriptions: one per subscriber and filter. */
    long size() {
        return count;
    }

    private static <S> boolean remove(Node<S> node, String[] levels, int depth, S subscriber) {
        if (depth == levels.length) {
            return node.subscribers.remove(subscriber) != null;
        }
        Node<S> child = node.child(levels[depth]);
        if (child == null) {
            return false;
        }
        boolean removed = remove(child, levels, depth + 1, subscriber);
        if (child.isEmpty()) {
            node.removeChild(levels[depth]);
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
        // [MQTT-4.7.2-1] a filter starting with a wildcard never matches a topic starting with '$'
        boolean systemTopic = !topic.isEmpty() && topic.charAt(0) == '$';
        if (result.isEmpty() && matchOptimistically(topic, systemTopic, publisher, result)) {
            return;
        }
        long stamp = lock.readLock();
        try {
            collect(root, topic, 0, systemTopic, publisher, result);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * The walk without taking the lock: every session thread matches every PUBLISH, and even a read lock is a
     * write to one shared word, bounced between the cores on every message. If a subscribe or unsubscribe ran
     * meanwhile, the walk may have read the trie half-changed (wrong or missing entries, or an exception from a map
     * being resized): its result is thrown away and the caller matches again under the read lock. Returns whether
     * the result stands. A topic published again since the last write comes from this thread's {@link RouteCache}.
     */
    private boolean matchOptimistically(String topic, boolean systemTopic, @Nullable S publisher,
                                        Map<S, SubscriptionOptions> result) {
        long stamp = lock.tryOptimisticRead();
        if (stamp == 0) {
            return false; // a writer holds the lock
        }
        RouteCache<S> cache = routes.get();
        if (cache.copyTo(topic, publisher, stamp, result)) {
            return true;
        }
        try {
            collect(root, topic, 0, systemTopic, publisher, result);
            if (lock.validate(stamp)) {
                cache.remember(topic, publisher, result);
                return true;
            }
        } catch (RuntimeException changedDuringTheWalk) {
            // discarded with the result below
        }
        result.clear();
        return false;
    }

    /**
     * Walks the levels of {@code topic} from the one starting at {@code from}; past the last level, {@code from} is
     * {@code topic.length() + 1}. The levels are positions in the topic, never Strings of their own (a PUBLISH's
     * route allocates nothing here).
     */
    private static <S> void collect(Node<S> node, String topic, int from, boolean systemTopic,
                                    @Nullable S publisher, Map<S, SubscriptionOptions> result) {
        if (from > topic.length()) {
            addAll(node, publisher, result);
            // "a/#" also matches "a": '#' stands for the parent level and any number of children
            if (node.multi != null) {
                addAll(node.multi, publisher, result);
            }
            return;
        }
        int end = topic.indexOf('/', from);
        if (end < 0) {
            end = topic.length();
        }
        if (from > 0 || !systemTopic) {
            if (node.multi != null) {
                addAll(node.multi, publisher, result);
            }
            if (node.single != null) {
                collect(node.single, topic, end + 1, systemTopic, publisher, result);
            }
        }
        Node<S> exact = node.children.get(topic, from, end);
        if (exact != null) {
            collect(exact, topic, end + 1, systemTopic, publisher, result);
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

    /** A level of the trie: its literal children by name, its '+' and '#' children apart (a match tries both). */
    private static final class Node<S> {
        final LevelMap<Node<S>> children = new LevelMap<>();
        @Nullable Node<S> single;
        @Nullable Node<S> multi;
        final Map<S, SubscriptionOptions> subscribers = new HashMap<>(2);

        @Nullable Node<S> child(String level) {
            return switch (level) {
                case TopicLevels.SINGLE_LEVEL -> single;
                case TopicLevels.MULTI_LEVEL -> multi;
                default -> children.get(level);
            };
        }

        Node<S> childOrNew(String level) {
            return switch (level) {
                case TopicLevels.SINGLE_LEVEL -> single != null ? single : (single = new Node<>());
                case TopicLevels.MULTI_LEVEL -> multi != null ? multi : (multi = new Node<>());
                default -> children.computeIfAbsent(level, Node::new);
            };
        }

        void removeChild(String level) {
            switch (level) {
                case TopicLevels.SINGLE_LEVEL -> single = null;
                case TopicLevels.MULTI_LEVEL -> multi = null;
                default -> children.remove(level);
            }
        }

        boolean isEmpty() {
            return children.isEmpty() && single == null && multi == null && subscribers.isEmpty();
        }
    }
}
