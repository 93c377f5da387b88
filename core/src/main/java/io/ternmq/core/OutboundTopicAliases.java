package io.ternmq.core;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The topic aliases the broker uses toward one MQTT 5 client on one connection (3.3.2.3.4), under the LRU policy.
 * Model: {@code aliases} maps topic to alias, least recently used first; it holds at most {@code capacity}
 * entries, each alias 1..capacity held by one topic. {@code seenOnce} remembers the last {@code capacity} topics
 * sent without an alias: a topic gets an alias only when it comes again while remembered, so a one-off topic
 * neither pays the 3 bytes of an alias announcement nor evicts an alias in use. When every alias is taken, the
 * least recently used topic gives its alias up; the PUBLISH that announces it with its new topic remaps it at the
 * client. Topics under {@link #MIN_TOPIC_LENGTH} characters are never aliased: the alias property (3 bytes) would
 * save nothing. A new connection gets a new table: aliases never carry over [MQTT-3.3.2-7]. Owner thread only.
 */
final class OutboundTopicAliases {

    /** Shorter topics are sent as they are: 2 length bytes + 3 or fewer is no more than an alias costs. */
    static final int MIN_TOPIC_LENGTH = 4;

    /**
     * The most aliases used toward one client, whatever larger maximum it allows: the table and the memory of
     * recent topics cost the broker about 100 bytes per entry on every such connection.
     */
    static final int MAX_CAPACITY = 128;

    private final int capacity;
    private final LinkedHashMap<String, Integer> aliases = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, Boolean> seenOnce;

    /** {@code clientMaximum}: the Topic Alias Maximum of the client's CONNECT, at least 1. */
    OutboundTopicAliases(int clientMaximum) {
        if (clientMaximum < 1 || clientMaximum > 65_535) {
            throw new IllegalArgumentException("client topic alias maximum must be 1..65535, was " + clientMaximum);
        }
        this.capacity = Math.min(clientMaximum, MAX_CAPACITY); // [MQTT-3.1.2-26] [MQTT-3.3.2-11] never above
        this.seenOnce = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The alias the client already knows for this topic, or 0; counts as a use. */
    int known(String topic) {
        Integer alias = aliases.get(topic);
        return alias == null ? 0 : alias;
    }

    /** Whether this topic, sent without a known alias, deserves a new one; the first sighting only remembers it. */
    boolean worthAliasing(String topic) {
        if (topic.length() < MIN_TOPIC_LENGTH) {
            return false;
        }
        return seenOnce.put(topic, Boolean.TRUE) != null;
    }

    /** The alias {@link #claim} would assign next: a free one, else the least recently used topic's. */
    int next() {
        return aliases.size() < capacity ? aliases.size() + 1 : aliases.values().iterator().next();
    }

    /** Assigns {@link #next()} to the topic, which the PUBLISH carrying both announces to the client. */
    int claim(String topic) {
        int alias;
        if (aliases.size() < capacity) {
            alias = aliases.size() + 1;
        } else {
            Iterator<Integer> leastRecent = aliases.values().iterator();
            alias = leastRecent.next();
            leastRecent.remove();
        }
        aliases.put(topic, alias);
        seenOnce.remove(topic);
        return alias;
    }

    int capacity() {
        return capacity;
    }
}
