package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * Bounds on what one client may name: topic names and filters by UTF-8 length and by number of levels, and the
 * number of subscriptions one session may hold. A PUBLISH beyond them is a protocol violation (3.1.1 cannot
 * refuse it any other way); a SUBSCRIBE beyond them gets the failure code for that filter.
 *
 * @param maxTopicBytes             longest topic name or filter in UTF-8 bytes (65535 is the protocol's own limit)
 * @param maxTopicLevels            most '/'-separated levels in a topic name or filter
 * @param maxSubscriptionsPerClient most distinct filters one session may be subscribed to
 */
public record TopicLimits(int maxTopicBytes, int maxTopicLevels, int maxSubscriptionsPerClient) {

    /** What the protocol alone allows, the behaviour before limits existed. */
    public static final TopicLimits PROTOCOL = new TopicLimits(65_535, 32_768, Integer.MAX_VALUE);

    /**
     * The broker's defaults: any topic the protocol allows in length; 128 levels, far deeper than real topic
     * trees; 10,000 subscriptions per client, more than real clients hold but a bound on what one can cost.
     */
    public static final TopicLimits DEFAULTS = new TopicLimits(65_535, 128, 10_000);

    public TopicLimits {
        if (maxTopicBytes < 1 || maxTopicBytes > 65_535) {
            throw new IllegalArgumentException("maxTopicBytes must be 1..65535, was " + maxTopicBytes);
        }
        if (maxTopicLevels < 1) {
            throw new IllegalArgumentException("maxTopicLevels must be at least 1, was " + maxTopicLevels);
        }
        if (maxSubscriptionsPerClient < 1) {
            throw new IllegalArgumentException("maxSubscriptionsPerClient must be at least 1, was "
                    + maxSubscriptionsPerClient);
        }
    }

    /** Why {@code topic} is beyond the limits, or null when it is within them; cheap for short topics. */
    @Nullable String exceededBy(String topic) {
        int chars = topic.length();
        // a char is at most 3 UTF-8 bytes, so most topics need no encoding to know they fit
        if (chars * 3L > maxTopicBytes && utf8Length(topic) > maxTopicBytes) {
            return "topic longer than " + maxTopicBytes + " bytes";
        }
        if (chars >= maxTopicLevels && levels(topic) > maxTopicLevels) {
            return "topic with more than " + maxTopicLevels + " levels";
        }
        return null;
    }

    private static int levels(String topic) {
        int count = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    private static int utf8Length(String topic) {
        return topic.getBytes(StandardCharsets.UTF_8).length;
    }
}
