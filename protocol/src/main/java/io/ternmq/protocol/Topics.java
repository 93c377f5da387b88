package io.ternmq.protocol;

/** Topic name and topic filter rules (MQTT 3.1.1 section 4.7). */
public final class Topics {

    private Topics() {
    }

    /** True for a valid topic name: non-empty, no wildcards [MQTT-4.7.1-1], no U+0000. */
    public static boolean isValidTopicName(String topic) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** True for a valid topic filter: non-empty, '#' only last and alone in its level, '+' alone in its level. */
    public static boolean isValidTopicFilter(String filter) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** True when {@code filter} matches {@code topic}, including the '$' rule [MQTT-4.7.2-1]. */
    public static boolean matches(String filter, String topic) {
        throw new UnsupportedOperationException("not written yet");
    }
}
