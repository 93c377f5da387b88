package io.ternmq.core;


/** Splits topic names and filters into levels: '/' separates, empty levels count. */
final class TopicLevels {

    static final String SINGLE_LEVEL = "+";
    static final String MULTI_LEVEL = "#";

    private TopicLevels() {
    }

    /** "a//b/" has the four levels "a", "", "b", "". */
    static String[] split(String topic) {
        int count = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                count++;
            }
        }
        String[] levels = new String[count];
        int start = 0;
        int level = 0;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                levels[level++] = topic.substring(start, i);
                start = i + 1;
            }
        }
        levels[level] = topic.substring(start);
        return levels;
    }

    /** Topics starting with '$' are not matched by filters whose first level is a wildcard [MQTT-4.7.2-1]. */
    static boolean isSystemTopic(String firstLevel) {
        return !firstLevel.isEmpty() && firstLevel.charAt(0) == '$';
    }
}
