package io.ternmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    // Spec section 4.7 examples first, then edge cases. Columns: filter, topic, matches.
    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sport/tennis/player1/#    | sport/tennis/player1                   | true
            sport/tennis/player1/#    | sport/tennis/player1/ranking           | true
            sport/tennis/player1/#    | sport/tennis/player1/score/wimbledon   | true
            sport/#                   | sport                                  | true
            sport/#                   | sport/                                 | true
            #                         | sport/tennis                           | true
            #                         | /                                      | true
            sport/tennis/+            | sport/tennis/player1                   | true
            sport/tennis/+            | sport/tennis/player2                   | true
            sport/tennis/+            | sport/tennis/player1/ranking           | false
            sport/+                   | sport                                  | false
            sport/+                   | sport/                                 | true
            +/+                       | /finance                               | true
            /+                        | /finance                               | true
            +                         | /finance                               | false
            +                         | finance                                | true
            +/+                       | /                                      | true
            +/tennis/#                | sport/tennis                           | true
            +/tennis/#                | sport/tennis/player1                   | true
            sport/+/player1           | sport/tennis/player1                   | true
            sport/+/player1           | sport/tennis/player2                   | false
            a/+/c                     | a//c                                   | true
            a//c                      | a//c                                   | true
            a//c                      | a/c                                    | false
            a/b                       | a/b/                                   | false
            a/b/                      | a/b                                    | false
            a/b                       | a/bc                                   | false
            a/bc                      | a/b                                    | false
            ACCOUNTS                  | Accounts                               | false
            Accounts payable          | Accounts payable                       | true
            sport/tennis              | sport/tennis/player1                   | false
            #                         | $SYS/monitor/Clients                   | false
            +/monitor/Clients         | $SYS/monitor/Clients                   | false
            $SYS/#                    | $SYS/monitor/Clients                   | true
            $SYS/monitor/+            | $SYS/monitor/Clients                   | true
            $SYS/#                    | $SYS                                   | true
            a/$SYS                    | a/$SYS                                 | true
            +/$SYS                    | a/$SYS                                 | true
            """)
    void matches_specExamplesAndEdges_asTabled(String filter, String topic, boolean expected) {
        // [MQTT-4.7.2-1] '$' topics are not matched by a leading wildcard; [MQTT-4.7.3-4] exact comparison
        assertThat(Topics.isValidTopicFilter(filter)).isTrue();
        assertThat(Topics.isValidTopicName(topic)).isTrue();
        assertThat(Topics.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            #                         | true
            sport/tennis/#            | true
            sport/tennis#             | false
            sport/tennis/#/ranking    | false
            #/                        | false
            ##                        | false
            +                         | true
            +/tennis/#                | true
            sport+                    | false
            sport/+/player1           | true
            +/+                       | true
            /+/                       | true
            ++                        | false
            +a                        | false
            a+/b                      | false
            +#                        | false
            +/#                       | true
            /                         | true
            //                        | true
            ''                        | false
            """)
    void isValidTopicFilter_wildcardRules_asTabled(String filter, boolean expected) {
        // [MQTT-4.7.1-2] '#' alone in the last level; [MQTT-4.7.1-3] '+' fills a whole level; [MQTT-4.7.3-1]
        assertThat(Topics.isValidTopicFilter(filter)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sport/tennis   | true
            /              | true
            $SYS/broker    | true
            a//b           | true
            sport/+        | false
            sport/#        | false
            +              | false
            a#b            | false
            ''             | false
            """)
    void isValidTopicName_wildcardsAndLength_asTabled(String topic, boolean expected) {
        // [MQTT-4.7.1-1] no wildcard in a topic name; [MQTT-4.7.3-1] at least one character
        assertThat(Topics.isValidTopicName(topic)).isEqualTo(expected);
    }

    @Test
    void isValid_nullCharacter_isFalse() {
        // [MQTT-4.7.3-2]
        assertThat(Topics.isValidTopicName("a\u0000b")).isFalse();
        assertThat(Topics.isValidTopicFilter("a/\u0000/#")).isFalse();
    }

    @Test
    void isValid_loneSurrogate_isFalse() {
        // [MQTT-1.5.3-1] a lone surrogate has no well-formed UTF-8 encoding
        assertThat(Topics.isValidTopicName("a\uD800")).isFalse();
        assertThat(Topics.isValidTopicName("\uDC00a")).isFalse();
        assertThat(Topics.isValidTopicFilter("x/\uD83D")).isFalse();
        assertThat(Topics.isValidTopicName("smile/\uD83D\uDE00")).isTrue();
    }

    @Test
    void isValid_utf8LengthLimit_is65535Bytes() {
        // [MQTT-4.7.3-3] counted in UTF-8 bytes, not chars
        assertThat(Topics.isValidTopicName("a".repeat(65_535))).isTrue();
        assertThat(Topics.isValidTopicName("a".repeat(65_536))).isFalse();
        assertThat(Topics.isValidTopicName("\u00e9".repeat(32_767) + "a")).isTrue();
        assertThat(Topics.isValidTopicName("\u00e9".repeat(32_768))).isFalse();
        assertThat(Topics.isValidTopicFilter("\u20ac".repeat(21_846) + "/#")).isFalse();
    }

    @Test
    void matches_randomFiltersAndTopics_agreesWithLevelSplittingReference() {
        Random random = new Random(4_7_2_1L);
        String[] words = {"", "a", "b", "$SYS", "ab", "$"};
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            String topic = randomTopic(random, words);
            String filter = randomFilter(random, words);
            boolean expected = referenceMatches(filter, topic);
            assertThat(Topics.matches(filter, topic)).as("%s ~ %s", filter, topic).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("the generator makes matching pairs too").isGreaterThan(1_000);
    }

    private static String randomTopic(Random random, String[] words) {
        List<String> levels = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            levels.add(words[random.nextInt(words.length)]);
        }
        String topic = String.join("/", levels);
        return topic.isEmpty() ? "a" : topic;
    }

    private static String randomFilter(Random random, String[] words) {
        List<String> levels = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(words.length + 2);
            levels.add(pick < words.length ? words[pick] : "+");
        }
        if (random.nextInt(4) == 0) {
            levels.add("#");
        }
        String filter = String.join("/", levels);
        return filter.isEmpty() ? "#" : filter;
    }

    /** The straightforward definition of 4.7, level by level, allocation and all. */
    private static boolean referenceMatches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i == t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
