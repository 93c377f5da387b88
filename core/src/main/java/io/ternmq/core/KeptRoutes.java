package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * One routing thread's recent {@link KeptRoute}s. Found by the topic String instance (the decoder hands out one
 * instance per repeated topic) and the publisher (whose No Local subscriptions its match left out), and valid while
 * the subscriptions' version is the one they were kept at: the first lookup at another version drops them all.
 * <p>
 * A match of many sessions is kept the first time: building its route replaces the per-message grouping it
 * saves. A smaller one only once the topic comes from that publisher a second time, so that topics that never
 * repeat (a fleet too large for the decoder's cache) cost a note and no route. Only its own thread touches it.
 */
final class KeptRoutes {

    /** Matches of this many sessions or more are kept the first time they are made. */
    static final int KEPT_AT_ONCE_FROM = 9;
    /** Larger routes are not kept: 256 of them hold at most about two million references per thread. */
    static final int MAX_SESSIONS = 4_096;
    private static final int SLOTS = 256;

    private final @Nullable String[] topics = new String[SLOTS];
    private final @Nullable Object[] publishers = new Object[SLOTS];
    /** Per slot: the route, or null while its topic and publisher have been seen once. */
    private final @Nullable KeptRoute[] routes = new KeptRoute[SLOTS];
    private long version;

    /** The route kept for {@code topic} from {@code publisher} at subscriptions version {@code current}, or null. */
    @Nullable KeptRoute find(String topic, @Nullable Object publisher, long current) {
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
     * Whether a match of {@code sessions} from {@code publisher} on {@code topic}, just made without a kept route,
     * is worth a route now: a large one always, a smaller one if it was seen once before. Else notes that it was
     * seen. Only after a {@link #find} of the same topic and publisher.
     */
    boolean worthKeeping(String topic, @Nullable Object publisher, int sessions) {
        if (sessions >= KEPT_AT_ONCE_FROM) {
            return true;
        }
        int slot = slot(topic, publisher);
        if (topics[slot] == topic && publishers[slot] == publisher) {
            return true;
        }
        topics[slot] = topic;
        publishers[slot] = publisher;
        routes[slot] = null;
        return false;
    }

    /**
     * Keeps {@code route}, matched at version {@code current}, if that is still the version of the last
     * {@link #find} (0 means a writer held the subscriptions) and it is not too large.
     */
    void keep(String topic, @Nullable Object publisher, long current, KeptRoute route) {
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
