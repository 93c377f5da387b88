package io.ternmq.core;

import io.ternmq.protocol.Topics;
import org.jspecify.annotations.Nullable;

/**
 * A shared subscription's topic filter, {@code $share/{ShareName}/{filter}} (MQTT 5 section 4.8.2), split into
 * the group's name and the filter its members subscribe to. Two subscriptions with equal values belong to the same
 * group. 3.1.1 clients may use the same form: most brokers accept it from them, and a 3.1.1 client could not
 * otherwise share load.
 */
record SharedFilter(String shareName, String filter) {

    static final String PREFIX = "$share/";

    /** Whether the filter asks for a shared subscription: it starts with "$share/" (then it must be valid too). */
    static boolean isShared(String topicFilter) {
        return topicFilter.startsWith(PREFIX);
    }

    /**
     * The share name and filter of a topic filter starting with "$share/", or null when it does not follow the
     * rules: a non-empty ShareName [MQTT-4.8.2-1] without '/', '+' or '#', then '/' and a valid topic filter
     * [MQTT-4.8.2-2].
     */
    static @Nullable SharedFilter parse(String topicFilter) {
        if (!isShared(topicFilter)) {
            return null;
        }
        int nameStart = PREFIX.length();
        int slash = topicFilter.indexOf('/', nameStart);
        if (slash <= nameStart) {
            return null; // [MQTT-4.8.2-1] no name, or [MQTT-4.8.2-2] no '/' after it
        }
        String shareName = topicFilter.substring(nameStart, slash);
        if (shareName.indexOf('+') >= 0 || shareName.indexOf('#') >= 0) {
            return null; // [MQTT-4.8.2-2]
        }
        String filter = topicFilter.substring(slash + 1);
        if (!Topics.isValidTopicFilter(filter)) {
            return null; // [MQTT-4.8.2-2] followed by a Topic Filter
        }
        return new SharedFilter(shareName, filter);
    }

    /** The filter that decides which topics match: the part after the share name, or the filter itself. */
    static String topicFilterOf(String topicFilter) {
        SharedFilter shared = parse(topicFilter);
        return shared == null ? topicFilter : shared.filter();
    }

    @Override
    public String toString() {
        return PREFIX + shareName + "/" + filter;
    }
}
