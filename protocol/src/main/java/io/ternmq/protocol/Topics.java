package io.ternmq.protocol;

/**
 * Topic name and topic filter rules (MQTT 3.1.1 section 4.7). A topic is a '/'-separated list of levels; an
 * empty level is a level like any other ("a//b" has three levels, "/" has two).
 */
public final class Topics {

    /** The longest string a two-byte length prefix can describe [MQTT-4.7.3-3]. */
    private static final int MAX_UTF8_LENGTH = 65_535;

    private Topics() {
    }

    /** True for a valid topic name: non-empty, no wildcards, no U+0000, well-formed and at most 65535 bytes. */
    public static boolean isValidTopicName(String topic) {
        if (!isValidString(topic)) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#') {
                return false; // [MQTT-4.7.1-1] [MQTT-3.3.2-2]
            }
        }
        return true;
    }

    /** True for a valid topic filter: non-empty, '#' only last and alone in its level, '+' alone in its level. */
    public static boolean isValidTopicFilter(String filter) {
        if (!isValidString(filter)) {
            return false;
        }
        int last = filter.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = filter.charAt(i);
            boolean startsLevel = i == 0 || filter.charAt(i - 1) == '/';
            if (c == '#' && (i != last || !startsLevel)) {
                return false; // [MQTT-4.7.1-2]
            }
            if (c == '+' && (!startsLevel || (i != last && filter.charAt(i + 1) != '/'))) {
                return false; // [MQTT-4.7.1-3]
            }
        }
        return true;
    }

    /**
     * True when {@code filter} matches {@code topic}; both must be valid. Walks both strings once without
     * allocating, because retained-message lookups call it for every stored topic.
     */
    public static boolean matches(String filter, String topic) {
        int fl = filter.length();
        int tl = topic.length();
        if (tl > 0 && topic.charAt(0) == '$' && fl > 0 && isWildcard(filter.charAt(0))) {
            return false; // [MQTT-4.7.2-1]
        }
        int f = 0;
        int t = 0;
        while (true) {
            // Here f and t both point at the start of a level.
            if (f < fl && filter.charAt(f) == '#') {
                return true;
            }
            if (f < fl && filter.charAt(f) == '+') {
                f++;
                while (t < tl && topic.charAt(t) != '/') {
                    t++;
                }
            } else {
                while (f < fl && t < tl && filter.charAt(f) != '/' && topic.charAt(t) != '/') {
                    if (filter.charAt(f) != topic.charAt(t)) {
                        return false; // [MQTT-4.7.3-4] exact comparison, no normalisation
                    }
                    f++;
                    t++;
                }
                boolean filterLevelEnds = f == fl || filter.charAt(f) == '/';
                boolean topicLevelEnds = t == tl || topic.charAt(t) == '/';
                if (!filterLevelEnds || !topicLevelEnds) {
                    return false;
                }
            }
            if (f == fl) {
                return t == tl;
            }
            if (t == tl) {
                // "sport/#" also matches "sport": the '#' stands for the parent level too (4.7.1.2).
                return f + 2 == fl && filter.charAt(f + 1) == '#';
            }
            f++;
            t++;
        }
    }

    private static boolean isWildcard(char c) {
        return c == '+' || c == '#';
    }

    private static boolean isValidString(String s) {
        int length = s.length();
        if (length == 0 || length > MAX_UTF8_LENGTH) {
            return false; // [MQTT-4.7.3-1] [MQTT-4.7.3-3]: every char takes at least one byte
        }
        int utf8Length = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return false; // [MQTT-4.7.3-2]
            }
            if (c < 0x80) {
                utf8Length++;
            } else if (c < 0x800) {
                utf8Length += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false; // [MQTT-1.5.3-1] a lone surrogate has no UTF-8 encoding
                }
                i++;
                utf8Length += 4;
            } else if (Character.isLowSurrogate(c)) {
                return false; // [MQTT-1.5.3-1]
            } else {
                utf8Length += 3;
            }
        }
        return utf8Length <= MAX_UTF8_LENGTH; // [MQTT-4.7.3-3]
    }
}
