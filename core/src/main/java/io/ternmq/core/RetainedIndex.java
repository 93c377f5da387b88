package io.ternmq.core;

import io.ternmq.store.RetainedMessage;
import io.ternmq.store.RetainedMessageStore;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The live retained messages: a trie with one node per topic level, a message at the node of its topic. Every
 * change is written through to the {@link RetainedMessageStore}, which is loaded at start, except under the
 * broker's own tree ({@link AdminOperations#BROKER_TOPICS}): those values change every $SYS interval and are
 * published afresh at start, so storing them would only cost writes. Shared by all session threads behind a
 * read-write lock: a subscribe reads while publishers replace.
 */
final class RetainedIndex {

    private final Node root = new Node();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final RetainedMessageStore store;
    private final Clock clock;
    /** Topics with a message; changed only under the write lock, read lock-free by metrics. */
    private volatile long count;

    RetainedIndex(RetainedMessageStore store) {
        this(store, Clock.SYSTEM);
    }

    /** {@code clock} tells which messages have expired (MQTT 5 message expiry). */
    RetainedIndex(RetainedMessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (RetainedMessage message : store.all()) {
            if (stored(message.topic())) {
                insert(message);
            } else {
                store.remove(message.topic()); // written by a version that stored the broker's own values
            }
        }
    }

    private static boolean stored(String topic) {
        return !topic.startsWith(AdminOperations.BROKER_TOPICS);
    }

    private void storePut(RetainedMessage message) {
        if (stored(message.topic())) {
            store.put(message);
        }
    }

    private void storeRemove(String topic) {
        if (stored(topic)) {
            store.remove(topic);
        }
    }

    /** Keeps the message as its topic's retained message, replacing the earlier one [MQTT-3.3.1-5]. */
    void retain(RetainedMessage message) {
        lock.writeLock().lock();
        try {
            insert(message);
            storePut(message);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void insert(RetainedMessage message) {
        Node node = root;
        for (String level : TopicLevels.split(message.topic())) {
            node = node.children.computeIfAbsent(level, l -> new Node());
        }
        if (node.message == null) {
            count++;
        }
        node.message = message;
    }

    /** Deletes the topic's retained message: a retained PUBLISH with an empty payload does this [MQTT-3.3.1-10]. */
    void clear(String topic) {
        String[] levels = TopicLevels.split(topic);
        lock.writeLock().lock();
        try {
            remove(root, levels, 0);
            storeRemove(topic);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void remove(Node node, String[] levels, int depth) {
        if (depth == levels.length) {
            if (node.message != null) {
                count--;
            }
            node.message = null;
            return;
        }
        Node child = node.children.get(levels[depth]);
        if (child != null) {
            remove(child, levels, depth + 1);
            if (child.isEmpty()) {
                node.children.remove(levels[depth]);
            }
        }
    }

    /** Number of topics with a retained message. */
    long size() {
        return count;
    }

    /**
     * Hands every retained message whose topic matches {@code filter} to {@code sink} [MQTT-3.3.1-6], except those
     * whose message expiry interval has run out [MQTT-3.3.2-5].
     */
    void forEachMatching(String filter, Consumer<RetainedMessage> sink) {
        String[] levels = TopicLevels.split(filter);
        long now = clock.currentTimeMillis();
        List<RetainedMessage> expired = new ArrayList<>(0);
        Consumer<RetainedMessage> unexpired = message -> {
            if (message.isExpiredAt(now)) {
                expired.add(message);
            } else {
                sink.accept(message);
            }
        };
        lock.readLock().lock();
        try {
            collect(root, levels, 0, unexpired);
        } finally {
            lock.readLock().unlock();
        }
        expired.forEach(this::removeExpired);
    }

    /** Forgets an expired retained message, unless a newer one has replaced it meanwhile. */
    private void removeExpired(RetainedMessage message) {
        String[] levels = TopicLevels.split(message.topic());
        lock.writeLock().lock();
        try {
            Node node = root;
            for (int i = 0; i < levels.length && node != null; i++) {
                node = node.children.get(levels[i]);
            }
            if (node != null && node.message == message) {
                remove(root, levels, 0);
                storeRemove(message.topic());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void collect(Node node, String[] filter, int depth, Consumer<RetainedMessage> sink) {
        if (depth == filter.length) {
            node.emit(sink);
            return;
        }
        String level = filter[depth];
        if (level.equals(TopicLevels.MULTI_LEVEL)) {
            // '#' matches the parent level itself and everything below it
            node.emit(sink);
            for (Map.Entry<String, Node> child : node.children.entrySet()) {
                if (wildcardMayEnter(depth, child.getKey())) {
                    child.getValue().emitAll(sink);
                }
            }
        } else if (level.equals(TopicLevels.SINGLE_LEVEL)) {
            for (Map.Entry<String, Node> child : node.children.entrySet()) {
                if (wildcardMayEnter(depth, child.getKey())) {
                    collect(child.getValue(), filter, depth + 1, sink);
                }
            }
        } else {
            Node child = node.children.get(level);
            if (child != null) {
                collect(child, filter, depth + 1, sink);
            }
        }
    }

    /** [MQTT-4.7.2-1] a wildcard in the first filter level does not match a topic starting with '$'. */
    private static boolean wildcardMayEnter(int depth, String topicLevel) {
        return depth > 0 || !TopicLevels.isSystemTopic(topicLevel);
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        @Nullable RetainedMessage message;

        void emit(Consumer<RetainedMessage> sink) {
            if (message != null) {
                sink.accept(message);
            }
        }

        void emitAll(Consumer<RetainedMessage> sink) {
            emit(sink);
            for (Node child : children.values()) {
                child.emitAll(sink);
            }
        }

        boolean isEmpty() {
            return message == null && children.isEmpty();
        }
    }
}
