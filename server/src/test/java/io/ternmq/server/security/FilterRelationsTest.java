package io.ternmq.server.security;

import io.ternmq.protocol.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.ternmq.server.security.FilterRelations.covers;
import static io.ternmq.server.security.FilterRelations.intersect;
import static io.ternmq.server.security.FilterRelations.levels;
import static org.assertj.core.api.Assertions.assertThat;

class FilterRelationsTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "a/#, a/b/+, true",
            "a/#, a, true",
            "a/#, a/#, true",
            "a/+, a/#, false",
            "a/+, a/b, true",
            "a/+, a/+, true",
            "a/+, a, false",
            "a/b, a/+, false",
            "#, a/#, true",
            "#, $SYS/x, false",
            "#, +/x, true",
            "+/x, $SYS/x, false",
            "$SYS/#, $SYS/broker/+, true",
            "a/+/c, a/b/c, true",
            "a/+/c, a/b/#, false",
            "+/#, #, true",
            "a/+/#, a/#, false",
    })
    void covers_table(String rule, String filter, boolean expected) {
        assertThat(covers(levels(rule), levels(filter))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} and {1} intersect: {2}")
    @CsvSource({
            "a/secret, a/#, true",
            "a/secret, a/+, true",
            "a/secret, b/#, false",
            "a/#, a, true",
            "a, a/#, true",
            "a/+, a, false",
            "#, $SYS/x, false",
            "$SYS/#, +/x, false",
            "$SYS/#, $SYS/+, true",
            "+/b, a/+, true",
            "a/b/c, a/b, false",
    })
    void intersect_table(String a, String b, boolean expected) {
        assertThat(intersect(levels(a), levels(b))).isEqualTo(expected);
        assertThat(intersect(levels(b), levels(a))).isEqualTo(expected);
    }

    /** Against the protocol's matcher over every topic of up to 4 levels from a small alphabet. */
    @Test
    void coversAndIntersect_randomFilters_agreeWithMatchingEveryTopic() {
        List<String> topics = new ArrayList<>();
        allTopics("", 0, topics);
        Random random = new Random(20261125);
        for (int i = 0; i < 2_000; i++) {
            String a = randomFilter(random);
            String b = randomFilter(random);
            boolean aCoversB = topics.stream().filter(t -> Topics.matches(b, t)).allMatch(t -> Topics.matches(a, t));
            boolean shared = topics.stream().anyMatch(t -> Topics.matches(a, t) && Topics.matches(b, t));

            assertThat(covers(levels(a), levels(b))).as("%s covers %s", a, b).isEqualTo(aCoversB);
            assertThat(intersect(levels(a), levels(b))).as("%s intersects %s", a, b).isEqualTo(shared);
        }
    }

    private static final String[] TOPIC_LEVELS = {"a", "b", "$s"};
    private static final String[] FILTER_LEVELS = {"a", "b", "$s", "+"};

    private static void allTopics(String prefix, int depth, List<String> out) {
        if (depth == 4) {
            return;
        }
        for (String level : TOPIC_LEVELS) {
            if (depth > 0 && level.startsWith("$")) {
                continue;
            }
            String topic = depth == 0 ? level : prefix + "/" + level;
            out.add(topic);
            allTopics(topic, depth + 1, out);
        }
    }

    private static String randomFilter(Random random) {
        int length = 1 + random.nextInt(3);
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                filter.append('/');
            }
            if (i == length - 1 && random.nextInt(4) == 0) {
                filter.append('#');
            } else {
                String level = FILTER_LEVELS[random.nextInt(FILTER_LEVELS.length)];
                filter.append(i > 0 && level.startsWith("$") ? "a" : level);
            }
        }
        return filter.toString();
    }
}
