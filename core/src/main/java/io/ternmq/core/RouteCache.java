package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Map;

/**
 * One thread's recent trie matches, so that a topic published again skips the walk. A match is found by the topic
 * String instance (the decoder's {@code RecentTopics} hands out one instance per repeated topic) and the
 * publisher, and holds while the trie's lock shows no write since it was made: a write clears every entry. A topic
 * gets an entry the second time it is seen, so topics that never repeat cost a reference store and no array. Large
 * results are not kept: for a fan-out the walk is small next to the deliveries. Only its own thread touches it.
 */
final class RouteCache<S> {

    private static final int SLOTS = 256;
    /** Subscribers kept per entry at most. */
    static final int MAX_SUBSCRIBERS = 8;

    private final String[] topics = new String[SLOTS];
    private final Object[] publishers = new Object[SLOTS];
    /** Per entry: subscriber, options, subscriber, options, ...; null while the topic has been seen once. */
    private final Object[][] matches = new Object[SLOTS][];
    private long stamp;

    /** Adds the kept match of {@code topic} from {@code publisher} at trie version {@code current}; false if none. */
    @SuppressWarnings("unchecked") // entries hold what remember() was given
    boolean copyTo(String topic, @Nullable Object publisher, long current, Map<S, SubscriptionOptions> result) {
        if (current != stamp) {
            Arrays.fill(topics, null);
            Arrays.fill(publishers, null);
            Arrays.fill(matches, null);
            stamp = current;
            return false;
        }
        int slot = slot(topic);
        Object[] match = matches[slot];
        if (match == null || topics[slot] != topic || publishers[slot] != publisher) {
            return false;
        }
        for (int i = 0; i < match.length; i += 2) {
            result.put((S) match[i], (SubscriptionOptions) match[i + 1]);
        }
        return true;
    }

    /** Keeps {@code result}, a whole match made at the version of the last {@link #copyTo}, when it is worth it. */
    void remember(String topic, @Nullable Object publisher, Map<S, SubscriptionOptions> result) {
        int slot = slot(topic);
        if (topics[slot] != topic || publishers[slot] != publisher) {
            topics[slot] = topic; // seen once: an entry only if it comes again
            publishers[slot] = publisher;
            matches[slot] = null;
            return;
        }
        if (result.size() > MAX_SUBSCRIBERS) {
            return;
        }
        Object[] match = new Object[2 * result.size()];
        int i = 0;
        for (Map.Entry<S, SubscriptionOptions> e : result.entrySet()) {
            match[i++] = e.getKey();
            match[i++] = e.getValue();
        }
        matches[slot] = match;
    }

    private static int slot(String topic) {
        int h = topic.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
