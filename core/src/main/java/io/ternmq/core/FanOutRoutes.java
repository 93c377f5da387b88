package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * One routing thread's recent {@link FanOutRoute}s: the matches too large for the trie's {@link RouteCache}, kept
 * grouped by owner thread. Found by the topic String instance (the decoder hands out one instance per repeated
 * topic) and the publisher (whose No Local subscriptions its match left out), and valid while the subscriptions'
 * version is the one they were kept at: the first lookup at another version drops them all. A route is kept the
 * first time: building it replaces the per-message grouping it saves, so a topic seen once costs nothing more.
 * Only its own thread touches it.
 */
final class FanOutRoutes {

    /** Matches of up to {@link RouteCache#MAX_SUBSCRIBERS} sessions are the trie's to keep. */
    static final int MIN_SESSIONS = RouteCache.MAX_SUBSCRIBERS + 1;
    /** Larger routes are not kept: 64 of them hold at most a quarter of a million references per thread. */
    static final int MAX_SESSIONS = 4_096;
    private static final int SLOTS = 64;

    private final @Nullable String[] topics = new String[SLOTS];
    private final @Nullable Object[] publishers = new Object[SLOTS];
    private final @Nullable FanOutRoute[] routes = new FanOutRoute[SLOTS];
    private long version;

    /** The route kept for {@code topic} from {@code publisher} at subscriptions version {@code current}, or null. */
    @Nullable FanOutRoute find(String topic, @Nullable Object publisher, long current) {
        if (current != version) {
            Arrays.fill(topics, null);
            Arrays.fill(publishers, null);
            Arrays.fill(routes, null);
            version = current;
            return null;
        }
        int slot = slot(topic, publisher);
        return topics[slot] == topic && publishers[slot] == publisher ? routes[slot] : null;
    }

    /**
     * Keeps {@code route}, matched at version {@code current}, if that is still the version of the last
     * {@link #find} (0 means a writer held the subscriptions) and it is not too large.
     */
    void keep(String topic, @Nullable Object publisher, long current, FanOutRoute route) {
        if (current == 0 || current != version || route.sessions() > MAX_SESSIONS) {
            return;
        }
        int slot = slot(topic, publisher);
        topics[slot] = topic;
        publishers[slot] = publisher;
        routes[slot] = route;
    }

    private static int slot(String topic, @Nullable Object publisher) {
        int h = topic.hashCode() * 31 + System.identityHashCode(publisher);
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
