package io.ternmq.core;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * The topic aliases an MQTT 5 client set up on one connection (3.3.2.3.4). Model: {@code topics[alias - 1]} is the
 * topic the alias stands for, null while unmapped; the array grows to the highest alias used (at most the Topic
 * Alias Maximum the CONNACK announced), so a client that never uses aliases costs nothing. Each connection gets a
 * new table: mappings never carry over to another connection [MQTT-3.3.2-7]. Owned by the session's thread.
 */
final class InboundTopicAliases {

    private static final String[] NONE = new String[0];

    private final int maximum;
    private @Nullable String[] topics = NONE;

    /** {@code maximum}: the Topic Alias Maximum announced in CONNACK, 0 for none (the 3.1.1 case too). */
    InboundTopicAliases(int maximum) {
        if (maximum < 0 || maximum > 65_535) {
            throw new IllegalArgumentException("topic alias maximum must be 0..65535, was " + maximum);
        }
        this.maximum = maximum;
    }

    /**
     * The PUBLISH as it is routed: its topic filled in and without the alias property. A PUBLISH that names a topic
     * and an alias maps (or remaps) the alias first. Throws for an alias beyond our maximum (0x94) and for an
     * empty topic with an alias never mapped on this connection (0x82).
     */
    Publish resolve(Publish publish) {
        Integer alias = publish.properties().topicAlias();
        if (alias == null) {
            return publish;
        }
        // [MQTT-3.3.2-8] 0 is never valid; [MQTT-3.2.2-17] [MQTT-3.3.2-9] nor anything above our maximum
        if (alias < 1 || alias > maximum) {
            throw new MalformedPacketException(ReasonCode.TOPIC_ALIAS_INVALID,
                    "topic alias " + alias + " outside 1.." + maximum);
        }
        String topic = publish.topic();
        if (topic.isEmpty()) {
            topic = alias <= topics.length ? topics[alias - 1] : null;
            if (topic == null) {
                throw new MalformedPacketException(ReasonCode.PROTOCOL_ERROR,
                        "topic alias " + alias + " used with an empty topic before it was mapped"); // 3.3.2.3.4
            }
        } else {
            map(alias, topic); // [MQTT-3.3.2-12] every alias 1..maximum accepted
        }
        return PublishAlias.with(publish, topic, null);
    }

    private void map(int alias, String topic) {
        if (alias > topics.length) {
            topics = Arrays.copyOf(topics, Math.min(maximum, Math.max(alias, topics.length * 2)));
        }
        topics[alias - 1] = topic;
    }
}
